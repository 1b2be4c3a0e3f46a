package nl.koppelpunt.bench.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL as the gateway runs it: by default zonky's embedded server with the gateway's durability settings
 * (synchronous_commit, fsync and full_page_writes on) and a Hikari pool of the gateway's size; with
 * {@code baseline.database=external} Boot's own DataSource from {@code spring.datasource.*}.
 */
@Configuration(proxyBeanMethods = false)
public class BaselineDatabase {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "baseline.database", havingValue = "embedded", matchIfMissing = true)
    EmbeddedPostgres embeddedPostgres(@Value("${baseline.data-dir}") String dataDir) throws IOException {
        Path dir = Path.of(dataDir, "postgres").toAbsolutePath();
        Files.createDirectories(dir.getParent());
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
    }

    @Bean
    @ConditionalOnProperty(name = "baseline.database", havingValue = "embedded", matchIfMissing = true)
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${baseline.pool-size:10}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("baseline-embedded");
        return dataSource;
    }

    /** The one table: id, the sender's key (unique, as in the gateway's log), arrival time and the payload. */
    @Component
    static class Schema implements InitializingBean {

        private final JdbcTemplate jdbc;
        private final String schema;

        Schema(JdbcTemplate jdbc, @Value("${baseline.schema:}") String schema) {
            this.jdbc = jdbc;
            this.schema = schema;
        }

        @Override
        public void afterPropertiesSet() {
            if (!schema.isBlank()) {
                jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            }
            jdbc.execute("""
                    CREATE TABLE IF NOT EXISTS baseline_bericht (
                        id uuid PRIMARY KEY,
                        idempotentie_sleutel varchar(128) NOT NULL UNIQUE,
                        ontvangen_op timestamptz NOT NULL DEFAULT now(),
                        inhoud bytea NOT NULL)""");
        }
    }
}
