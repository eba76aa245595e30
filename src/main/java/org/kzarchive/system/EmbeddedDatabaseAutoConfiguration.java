package org.kzarchive.system;

import java.io.IOException;
import java.nio.file.Files;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts PostgreSQL from the data directory when no database server is configured, so that
 * {@code ./mvnw spring-boot:run} needs nothing but a JDK. The data stays on disk across restarts.
 * A configured {@code spring.datasource.url} or a service connection (Testcontainers) wins.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class,
        afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@Conditional(EmbeddedDatabaseAutoConfiguration.NoDatabaseConfigured.class)
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@EnableConfigurationProperties(ArchiveProperties.class)
public class EmbeddedDatabaseAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(ArchiveProperties properties) throws IOException {
        var directory = properties.databaseDir().toAbsolutePath();
        Files.createDirectories(directory);
        log.info("No spring.datasource.url set: starting embedded PostgreSQL with its data in {}", directory);
        OrphanedPostgres.stopIfRunning(directory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // durability matters more than speed here: edits must survive a crash
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "50")
                .start();
    }

    @Bean
    JdbcConnectionDetails embeddedConnectionDetails(EmbeddedPostgres postgres) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            }
        };
    }

    static class NoDatabaseConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return (url == null || url.isBlank())
                    ? ConditionOutcome.match("spring.datasource.url is not set")
                    : ConditionOutcome.noMatch("spring.datasource.url is set");
        }
    }
}
