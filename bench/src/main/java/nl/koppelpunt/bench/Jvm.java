package nl.koppelpunt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A system under test in a JVM of its own, started by the harness and stopped by it (by its own process id, never by
 * name). Output goes to a log file in the work directory.
 */
public final class Jvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int managementPort;
    private final Path log;
    private final List<String> command;

    private Jvm(String name, Process process, int managementPort, Path log, List<String> command) {
        this.name = name;
        this.process = process;
        this.managementPort = managementPort;
        this.log = log;
        this.command = command;
    }

    public static Jvm start(String name, List<String> command, int managementPort, Path log, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Jvm jvm = new Jvm(name, process, managementPort, log, List.copyOf(command));
            Runtime.getRuntime().addShutdownHook(new Thread(jvm::close));
            jvm.waitUntilReady(timeout);
            return jvm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public int managementPort() {
        return managementPort;
    }

    public Path log() {
        return log;
    }

    public List<String> command() {
        return command;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void waitUntilReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** SIGTERM (graceful: the embedded PostgreSQL and Artemis shut down cleanly), SIGKILL after a minute. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** CPU time (user + system) of a process, in seconds, from /proc; 0 where /proc is not available. */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state=0 ... utime is field 14 overall → index 11 here, stime → 12
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Kernel-mode CPU seconds of a process (futexes, context switches, sockets, fsync), from /proc. */
    public static double systemCpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[12]) / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU seconds of a process and all its live descendants. */
    public static double cpuSecondsWithDescendants(long pid) {
        double total = cpuSeconds(pid);
        List<Long> children = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> children.add(d.pid())));
        for (long child : children) {
            total += cpuSeconds(child);
        }
        return total;
    }

    private static final double CLOCK_TICKS = 100.0; // USER_HZ; 100 on every Linux distribution we run on
}
