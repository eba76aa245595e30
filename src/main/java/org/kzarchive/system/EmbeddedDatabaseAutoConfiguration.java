package org.kzarchive.system;

import java.io.IOException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.Environment;

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

    private static final String START = "embeddedPostgresStart";

    /**
     * Begins the embedded server's start as soon as the configuration is read, before any bean is
     * made: it then runs beside the making of the web layer (about 0.4 s) instead of after it.
     */
    @Bean
    static BeanFactoryPostProcessor embeddedPostgresStartsFirst(Environment environment) {
        return beanFactory -> {
            String url = environment.getProperty("spring.datasource.url");
            boolean buildingAheadOfTime = Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING);
            if ((url == null || url.isBlank()) && !buildingAheadOfTime
                    && beanFactory instanceof DefaultListableBeanFactory factory) {
                var properties = Binder.get(environment).bindOrCreate("archive", ArchiveProperties.class);
                var start = EmbeddedPostgresStart.begin(properties.databaseDir());
                factory.registerSingleton(START, start);
                factory.registerDisposableBean(START, start::close); // also when the start fails later on
            }
        };
    }

    @Bean
    ArchiveDatabase archiveDatabase(ObjectProvider<EmbeddedPostgresStart> embedded, DataSourceProperties dataSource)
            throws IOException {
        EmbeddedPostgresStart start = embedded.getIfAvailable();
        return start == null ? ArchiveDatabase.configured(dataSource) : ArchiveDatabase.embedded(start);
    }
}
