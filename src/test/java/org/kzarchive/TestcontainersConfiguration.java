package org.kzarchive;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The database for integration tests: a PostgreSQL container when a Docker engine answers.
 * Without one, no container is declared and the application's own embedded PostgreSQL starts,
 * in the per-build test data directory. Real PostgreSQL either way.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestcontainersConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(DockerAnswers.class)
    PostgreSQLContainer postgres() {
        return new PostgreSQLContainer(DockerImageName.parse("postgres:17-alpine"));
    }

    static class DockerAnswers extends SpringBootCondition {
        private static Boolean available;

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isDockerAvailable() ? ConditionOutcome.match("a Docker engine answers")
                    : ConditionOutcome.noMatch("no Docker engine: using embedded PostgreSQL");
        }

        static synchronized boolean isDockerAvailable() {
            if (available == null) {
                try {
                    available = DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException e) {
                    available = false;
                }
            }
            return available;
        }
    }
}
