package nl.koppelpunt.bench.baseline;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The bare-stack baseline: the gateway's durable I/O and nothing else, on the same stack (Spring Boot, Camel, Tomcat
 * with mutual TLS, PostgreSQL with synchronous commits, Artemis with a persistent journal, Camel's HTTP client):
 * <pre>
 *   POST (mutual TLS) → one INSERT (autocommit) → persistent send → 202
 *   queue → transacted consumer → POST to the webhook (one per subscription, --baseline-fanout)
 * </pre>
 * No validation, no rules, no status tracking, no claim check: what the gateway does on top of this is what the
 * ratio gateway/baseline measures. Its configuration is {@code baseline.yaml}; the harness starts it in a JVM of its
 * own from the bench jar.
 */
@SpringBootApplication
public class BaselineApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(BaselineApplication.class).properties("spring.config.name=baseline").run(args);
    }
}
