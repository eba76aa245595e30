package org.kzarchive.cluster;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.kzarchive.archive.ArchiveMayHaveChanged;
import org.kzarchive.archive.TranslationChanged;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * With {@code archive.replica-url} set, readers' pages read from that PostgreSQL read replica;
 * writes, the change listener, sessions and the editors' pages use the primary. Whether it is set is
 * decided when the application starts, not by a condition: in Spring's AOT mode conditions are
 * evaluated once, when the jar is built.
 */
@Configuration(proxyBeanMethods = false)
class ReadReplicaConfiguration implements WebMvcConfigurer {

    private final ClusterProperties properties;

    ReadReplicaConfiguration(ClusterProperties properties) {
        this.properties = properties;
    }

    /** Wraps the application's DataSource (the primary) into one that routes readers' pages to the replica. */
    @Bean
    static BeanPostProcessor replicaRouting(ApplicationContext context) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!name.equals("dataSource") || !(bean instanceof DataSource primary) || bean instanceof ReplicaRoutingDataSource) {
                    return bean;
                }
                ClusterProperties properties = context.getBean(ClusterProperties.class);
                if (!properties.hasReplica()) {
                    return bean;
                }
                JdbcConnectionDetails primaryDetails = context.getBean(JdbcConnectionDetails.class);
                HikariDataSource replica = new HikariDataSource();
                replica.setPoolName("replica");
                replica.setJdbcUrl(properties.replicaUrl());
                boolean ownUser = properties.replicaUsername() != null && !properties.replicaUsername().isBlank();
                replica.setUsername(ownUser ? properties.replicaUsername() : primaryDetails.getUsername());
                replica.setPassword(ownUser ? properties.replicaPassword() : primaryDetails.getPassword());
                replica.setReadOnly(true);
                replica.setMaximumPoolSize(5);
                replica.setConnectionTimeout(2_000);
                replica.setInitializationFailTimeout(-1); // the site starts even while the replica is away
                replica.addDataSourceProperty("connectTimeout", "2");
                replica.addDataSourceProperty("socketTimeout", "30");
                replica.addDataSourceProperty("ApplicationName", "kzarchive public reads");
                return new ReplicaRoutingDataSource(primary, replica);
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (properties.hasReplica()) {
            registry.addInterceptor(new PublicReads()).excludePathPatterns("/admin", "/admin/**", "/actuator/**", "/error");
        }
    }

    @Bean
    ReplicaFreshness replicaFreshness(DataSource dataSource) {
        return new ReplicaFreshness(dataSource);
    }

    /**
     * Tells the routing, when there is a replica, of every change this instance learns of, before the
     * page cache and index act on it.
     */
    record ReplicaFreshness(DataSource dataSource) {

        @Order(Ordered.HIGHEST_PRECEDENCE)
        @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
        void onTranslationChanged(TranslationChanged event) {
            changeCommitted();
        }

        @Order(Ordered.HIGHEST_PRECEDENCE)
        @EventListener
        void onArchiveMayHaveChanged(ArchiveMayHaveChanged event) {
            changeCommitted();
        }

        private void changeCommitted() {
            if (dataSource instanceof ReplicaRoutingDataSource routing) {
                routing.changeCommitted();
            }
        }
    }
}
