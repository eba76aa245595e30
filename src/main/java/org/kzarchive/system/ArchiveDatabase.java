package org.kzarchive.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Where the archive's data lives: the PostgreSQL server that {@code spring.datasource.url} names or,
 * when none is named, an embedded PostgreSQL started in the data directory, stopped again with the
 * application. The data stays on disk across restarts.
 */
final class ArchiveDatabase implements JdbcConnectionDetails, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArchiveDatabase.class);

    private final DataSourceProperties configured;
    private final EmbeddedPostgres embedded;

    private ArchiveDatabase(DataSourceProperties configured, EmbeddedPostgres embedded) {
        this.configured = configured;
        this.embedded = embedded;
    }

    static ArchiveDatabase configuredOrEmbedded(DataSourceProperties configured, Path embeddedDirectory)
            throws IOException {
        String url = configured.getUrl();
        return (url != null && !url.isBlank())
                ? new ArchiveDatabase(configured, null)
                : new ArchiveDatabase(null, startEmbedded(embeddedDirectory.toAbsolutePath()));
    }

    private static EmbeddedPostgres startEmbedded(Path directory) throws IOException {
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

    private boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public String getUsername() {
        return isEmbedded() ? "postgres" : configured.determineUsername();
    }

    @Override
    public String getPassword() {
        return isEmbedded() ? "" : configured.determinePassword();
    }

    @Override
    public String getJdbcUrl() {
        return isEmbedded() ? "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres" : configured.determineUrl();
    }

    @Override
    public String getDriverClassName() {
        return isEmbedded() ? JdbcConnectionDetails.super.getDriverClassName() : configured.determineDriverClassName();
    }

    @Override
    public void close() throws IOException {
        if (isEmbedded()) {
            embedded.close();
        }
    }
}
