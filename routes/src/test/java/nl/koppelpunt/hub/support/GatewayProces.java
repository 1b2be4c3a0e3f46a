package nl.koppelpunt.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;

import nl.koppelpunt.hub.KoppelpuntApplication;

/**
 * The gateway in a JVM of its own, so a test can kill it the hard way ({@code destroyForcibly}, SIGKILL): no shutdown
 * hook, no graceful stop, in-flight work cut off mid-way.
 */
public final class GatewayProces implements AutoCloseable {

    private final Process proces;
    private final int port;
    private final int beheerpoort;

    private GatewayProces(Process proces, int port, int beheerpoort) {
        this.proces = proces;
        this.port = port;
        this.beheerpoort = beheerpoort;
    }

    /** The gateway from the test class path. */
    public static GatewayProces start(Path log, List<String> argumenten) {
        return start(log, List.of("-cp", System.getProperty("java.class.path"), KoppelpuntApplication.class.getName()),
                argumenten);
    }

    /** The gateway as README's first command runs it: the packaged jar, with only what the jar itself holds. */
    public static GatewayProces startJar(Path jar, Path log, List<String> argumenten) {
        return start(log, List.of("-jar", jar.toString()), argumenten);
    }

    private static GatewayProces start(Path log, List<String> wat, List<String> argumenten) {
        int port = vrijePoort();
        int beheerpoort = vrijePoort();
        List<String> opdracht = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        opdracht.addAll(wat);
        opdracht.addAll(List.of("--server.port=" + port, "--management.server.port=" + beheerpoort));
        opdracht.addAll(argumenten);
        try {
            Process proces = new ProcessBuilder(opdracht).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            GatewayProces gateway = new GatewayProces(proces, port, beheerpoort);
            gateway.wachtTotKlaar();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** SIGKILL: the JVM gets no chance to finish anything. */
    public void doodt() {
        proces.destroyForcibly();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !proces.isAlive());
    }

    @Override
    public void close() {
        if (proces.isAlive()) {
            proces.destroy();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !proces.isAlive());
        }
    }

    private void wachtTotKlaar() {
        HttpClient http = HttpClient.newHttpClient();
        URI gereed = URI.create("http://localhost:" + beheerpoort + "/actuator/health/readiness");
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            if (!proces.isAlive()) {
                throw new IllegalStateException("gateway exited with " + proces.exitValue());
            }
            return http.send(HttpRequest.newBuilder(gereed).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
    }

    /** A port free now, for a port the gateway must listen on that the test has to know (e.g. the SFTP inbox). */
    public static int vrijePoort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
