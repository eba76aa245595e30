package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedPostgresStartTest {

    @TempDir
    Path dataDir;

    @Test
    void theServerStartsInTheBackgroundAndClosingStopsItOnceEvenIfNobodyTookIt() throws Exception {
        var start = EmbeddedPostgresStart.begin(dataDir.resolve("postgres"));
        var server = start.server();
        try (var connection = server.getPostgresDatabase().getConnection()) {
            assertThat(connection.isValid(2)).isTrue();
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).exists();

        start.close();
        start.close();

        // PostgreSQL removes its pid file when it has shut down
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("the server has stopped").doesNotExist();
        assertThatThrownBy(() -> server.getPostgresDatabase().getConnection()).isInstanceOf(SQLException.class);
    }

    @Test
    void aServerThatCouldNotStartSaysWhyWhenTakenAndClosingItIsHarmless() throws Exception {
        Path notADirectory = Files.writeString(dataDir.resolve("postgres"), "a file where the database would live");
        var start = EmbeddedPostgresStart.begin(notADirectory);

        assertThatThrownBy(start::server).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ArchiveDatabase.embedded(start)).isInstanceOf(IOException.class);
        start.close();
    }

    @Test
    void noServerStartsWhenADatabaseIsNamedOrWhileTheBuildReadsTheApplicationAheadOfTime() {
        var named = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db.example/archive")
                .withProperty("archive.data-dir", dataDir.toString());
        assertThat(startsRegisteredAfterPostProcessing(named)).isEmpty();

        var unnamed = new MockEnvironment().withProperty("archive.data-dir", dataDir.toString());
        System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");
        try {
            assertThat(startsRegisteredAfterPostProcessing(unnamed)).isEmpty();
        } finally {
            System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
        }
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void withoutANamedDatabaseTheServerStartsInTheDataDirectoryBeforeAnyBeanIsMade() throws Exception {
        var factory = new DefaultListableBeanFactory();
        EmbeddedDatabaseAutoConfiguration.embeddedPostgresStartsFirst(
                new MockEnvironment().withProperty("archive.data-dir", dataDir.toString())).postProcessBeanFactory(factory);
        try {
            var start = factory.getBean(EmbeddedPostgresStart.class);
            assertThat(start.server().getPort()).isPositive();
            assertThat(dataDir.resolve("postgres/postmaster.pid")).exists();
        } finally {
            factory.destroySingletons();
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("stopped with the application").doesNotExist();
    }

    private String[] startsRegisteredAfterPostProcessing(MockEnvironment environment) {
        var factory = new DefaultListableBeanFactory();
        EmbeddedDatabaseAutoConfiguration.embeddedPostgresStartsFirst(environment).postProcessBeanFactory(factory);
        return factory.getBeanNamesForType(EmbeddedPostgresStart.class);
    }
}
