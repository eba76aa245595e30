package org.kzarchive.system;

import java.io.IOException;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * Starts PostgreSQL from the data directory when no database server is configured, so that
 * {@code ./mvnw spring-boot:run} needs nothing but a JDK. A configured {@code spring.datasource.url}
 * or a service connection (Testcontainers) wins. Whether the URL is set is decided when the
 * application starts, not by a condition: in Spring's AOT mode conditions are evaluated once, when
 * the jar is built, and a server named at start would be ignored.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class,
        afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@EnableConfigurationProperties({ArchiveProperties.class, DataSourceProperties.class})
public class EmbeddedDatabaseAutoConfiguration {

    @Bean
    ArchiveDatabase archiveDatabase(ArchiveProperties properties, DataSourceProperties dataSource) throws IOException {
        return ArchiveDatabase.configuredOrEmbedded(dataSource, properties.databaseDir());
    }
}
