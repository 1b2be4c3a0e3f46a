package nl.koppelpunt.hub.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * A real PostgreSQL server (zonky's packaged binaries) whose data lives in the data directory and survives a restart.
 * Used only when no {@code spring.datasource.url} is configured; then Boot's own DataSource set-up takes over.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${koppelpunt.data-dir}") String dataDir) throws IOException {
        Path dir = Path.of(dataDir, "postgres").toAbsolutePath();
        Files.createDirectories(dir.getParent());
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // zonky relaxes durability for speed in tests; an accepted message must survive a crash, so undo that.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${koppelpunt.database.pool-size:10}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("koppelpunt-embedded");
        return dataSource;
    }
}
