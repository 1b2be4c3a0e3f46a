package nl.koppelpunt.hub.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citrusframework.endpoint.direct.DirectMessageHeaders;
import org.citrusframework.endpoint.direct.DirectSyncEndpointConfiguration;
import org.citrusframework.http.message.HttpMessage;
import org.citrusframework.http.server.HttpServer;
import org.citrusframework.http.server.HttpServerBuilder;
import org.citrusframework.message.DefaultMessageQueue;
import org.citrusframework.message.Message;
import org.citrusframework.message.MessageQueue;
import org.citrusframework.message.MessageSelector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.http.HttpStatus;

/**
 * The gemeenten's webhook receivers: one Citrus {@link HttpServer} per gemeente, each serving both departments
 * ({@code /werk-en-inkomen}, {@code /huisvesting}). Started once per JVM, before the gateway (whose partner files name
 * their ports), on ports the operating system picks on the loopback interface, so nothing can take them in between.
 * Rotterdam is not in the partner files at start: a scenario onboards it (adds its partner file and reloads), and its
 * server is already listening on {@code e2e.port.gemeente-rotterdam} for it.
 *
 * <p>An incoming request waits in the server's in-memory queue until a test receives it and sends the answer. A
 * request nobody answers within {@link #ANSWER_TIMEOUT_MS} gets {@code 503}: retryable for the gateway, and never
 * mistaken for a delivery. Requests an earlier test left unanswered are answered by {@link #answerWaiting}.
 */
public final class GemeenteServers {

    public static final String UTRECHT = "gemeente-utrecht";
    public static final String AMSTERDAM = "gemeente-amsterdam";
    public static final String ROTTERDAM = "gemeente-rotterdam";
    public static final List<String> GEMEENTEN = List.of(UTRECHT, AMSTERDAM, ROTTERDAM);
    /** TVS's webhook receiver ({@code /schermen}): TVS subscribes to what it shows each gemeente's staff. */
    public static final String TVS = "tvs";
    /** Every receiver that is started, each on {@code e2e.port.<name>}. */
    public static final List<String> ONTVANGERS = List.of(UTRECHT, AMSTERDAM, ROTTERDAM, TVS);
    public static final List<String> AFDELINGEN = List.of("werk-en-inkomen", "huisvesting");

    /** How long a webhook call waits for the test's answer; below the gateway's response timeout (30 s). */
    public static final long ANSWER_TIMEOUT_MS = 20_000;

    private static final long POLLING_MS = 50;

    private static Map<String, HttpServer> servers;

    private GemeenteServers() {
    }

    /** Starts the servers on the first call; afterwards returns the running ones. */
    public static synchronized Map<String, HttpServer> started() {
        if (servers == null) {
            Map<String, HttpServer> running = new LinkedHashMap<>();
            for (String ontvanger : ONTVANGERS) {
                running.put(ontvanger, start(ontvanger));
            }
            servers = Map.copyOf(running);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.values().forEach(HttpServer::stop),
                    "e2e-gemeenten-stop"));
        }
        return servers;
    }

    public static HttpServer server(String gemeente) {
        HttpServer server = started().get(gemeente);
        if (server == null) {
            throw new IllegalArgumentException("no receiver '" + gemeente + "' (known: " + ONTVANGERS + ")");
        }
        return server;
    }

    /** The port the gemeente's server listens on (127.0.0.1); the partner files refer to it as {@code e2e.port.<gemeente>}. */
    public static int port(String gemeente) {
        return ((ServerConnector) server(gemeente).getConnector()).getLocalPort();
    }

    /** Drops every request still waiting in the servers' queues (left over from an earlier test); those callers get 503. */
    public static void purge() {
        for (HttpServer server : started().values()) {
            queue(server).purge(message -> true);
        }
    }

    /**
     * Answers every request still waiting in the servers' queues (left over from an earlier test) with {@code status}
     * at once, so the gateway's delivery does not hang until {@link #ANSWER_TIMEOUT_MS}.
     *
     * @return how many requests were answered
     */
    public static int answerWaiting(HttpStatus status) {
        int answered = 0;
        for (HttpServer server : started().values()) {
            Message request;
            while ((request = queue(server).receive(message -> true)) != null) {
                if (request.getHeader(DirectMessageHeaders.REPLY_QUEUE) instanceof MessageQueue reply) {
                    reply.send(new HttpMessage().status(status));
                }
                answered++;
            }
        }
        return answered;
    }

    private static HttpServer start(String gemeente) {
        // Our own connector: bound to loopback only, port 0 = the OS picks a free one at bind time (no race).
        ServerConnector connector = new ServerConnector(new Server());
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        HttpServer server = new HttpServerBuilder()
                .connector(connector)
                .timeout(ANSWER_TIMEOUT_MS)
                .defaultStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .autoStart(true)
                .build();
        server.setName(gemeente);
        server.initialize();
        // A receive with a selector (the department's path) polls the queue, by default every 500 ms.
        endpoint(server).setPollingInterval(POLLING_MS);
        if (queue(server) instanceof DefaultMessageQueue polled) {
            polled.setPollingInterval(POLLING_MS);
        }
        // The waiting webhook call polls its own temporary reply queue for the test's answer, by default every
        // 500 ms too: make that one poll often as well, as each request is queued.
        endpoint(server).setQueue(new FastReplies(queue(server)));
        return server;
    }

    private static DirectSyncEndpointConfiguration endpoint(HttpServer server) {
        return (DirectSyncEndpointConfiguration) server.getEndpointAdapter().getEndpoint().getEndpointConfiguration();
    }

    private static MessageQueue queue(HttpServer server) {
        return endpoint(server).getQueue();
    }

    /** The inbound queue, making the reply queue of each request that enters poll every {@link #POLLING_MS}. */
    private record FastReplies(MessageQueue queue) implements MessageQueue {

        @Override
        public void send(Message message) {
            if (message.getHeader(DirectMessageHeaders.REPLY_QUEUE) instanceof DefaultMessageQueue reply) {
                reply.setPollingInterval(POLLING_MS);
            }
            queue.send(message);
        }

        @Override
        public Message receive(MessageSelector selector) {
            return queue.receive(selector);
        }

        @Override
        public Message receive(MessageSelector selector, long timeout) {
            return queue.receive(selector, timeout);
        }

        @Override
        public void purge(MessageSelector selector) {
            queue.purge(selector);
        }

        @Override
        public String toString() {
            return queue.toString();
        }
    }
}
