package org.kzarchive.system;

import java.io.IOException;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Where the archive's data lives: the PostgreSQL server that {@code spring.datasource.url} names or,
 * when none is named, an embedded PostgreSQL started in the data directory, stopped again with the
 * application. The data stays on disk across restarts.
 */
final class ArchiveDatabase implements JdbcConnectionDetails, AutoCloseable {

    private final DataSourceProperties configured;
    private final EmbeddedPostgresStart embedded;
    private final int embeddedPort;

    private ArchiveDatabase(DataSourceProperties configured, EmbeddedPostgresStart embedded, int embeddedPort) {
        this.configured = configured;
        this.embedded = embedded;
        this.embeddedPort = embeddedPort;
    }

    static ArchiveDatabase configured(DataSourceProperties configured) {
        return new ArchiveDatabase(configured, null, 0);
    }

    /** The embedded server, once it has started (or why it could not). */
    static ArchiveDatabase embedded(EmbeddedPostgresStart start) throws IOException {
        return new ArchiveDatabase(null, start, start.server().getPort());
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
        return isEmbedded() ? "jdbc:postgresql://localhost:" + embeddedPort + "/postgres" : configured.determineUrl();
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
