package org.kzarchive.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A previous run that was killed (not shut down) leaves its embedded PostgreSQL running on the data
 * directory, and a new one could not start there. Such a server has no clients left: ask it to stop
 * (SIGTERM, PostgreSQL's smart shutdown) and wait for it, so a restart just works.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private OrphanedPostgres() {
    }

    static void stopIfRunning(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> server = serverOf(pidFile, dataDirectory);
        if (server.isEmpty()) {
            return; // a stale file: PostgreSQL removes it itself
        }
        ProcessHandle process = server.get();
        log.warn("An earlier run left PostgreSQL (pid {}) running on {}; stopping it before starting again",
                process.pid(), dataDirectory);
        process.destroy();
        try {
            process.onExit().get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL (pid " + process.pid() + ") still runs on " + dataDirectory
                    + " after " + WAIT.toSeconds() + " s; stop it (kill " + process.pid() + ") and start again", e);
        }
    }

    private static Optional<ProcessHandle> serverOf(Path pidFile, Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 2) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            boolean ourDirectory = Path.of(lines.get(1).strip()).toAbsolutePath().normalize()
                    .equals(dataDirectory.toAbsolutePath().normalize());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> ourDirectory && p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
