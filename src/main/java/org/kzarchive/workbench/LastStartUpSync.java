package org.kzarchive.workbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import org.kzarchive.system.ApplicationBuild;
import org.kzarchive.system.ArchiveFingerprint;
import org.kzarchive.system.ArchiveProperties;
import org.kzarchive.system.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The state of the database (its {@link ArchiveFingerprint}) and the build the start-up passage sync
 * ({@link EditionSync#onStart}) last left in step, kept in the data directory. Editors' changes are
 * synced in the transaction that saves them; what can leave passages out of step is the content import of a
 * start, another build's parsing, or a database restored or changed by hand: each changes the
 * fingerprint or the build. So a start that finds both as recorded has nothing to sync, and skips
 * parsing every edition again. A missing or unreadable record, a fingerprint that cannot be
 * taken, or a build without build information (run from an IDE) means the sync runs.
 */
@Component
class LastStartUpSync {

    private static final Logger log = LoggerFactory.getLogger(LastStartUpSync.class);

    private final Path file;
    private final ApplicationBuild build;
    private final ArchiveFingerprint fingerprint;

    LastStartUpSync(ArchiveProperties properties, ApplicationBuild build, ArchiveFingerprint fingerprint) {
        this.file = properties.dataDir().resolve("workbench").resolve("last-start-up-sync").toAbsolutePath();
        this.build = build;
        this.fingerprint = fingerprint;
    }

    /**
     * Whether this build last synced the database in the very state this start found it in (the
     * digest the start took for its kept pages, {@link ArchiveFingerprint#atStart}: what editors
     * changed since is synced in the transaction that saved it); never without build information,
     * where every start is a build of its own ({@link ApplicationBuild#identity}).
     */
    boolean nothingChangedSince() {
        if (!build.isKnown()) {
            return false;
        }
        Optional<String> atStart = fingerprint.atStart();
        return atStart.isPresent() && recorded().equals(Optional.of(record(atStart.get())));
    }

    /**
     * Records the database's state now, once the sync has committed, as in step for this build; not
     * without build information, as no later start would take it.
     */
    void recordInStep() {
        if (!build.isKnown()) {
            return;
        }
        fingerprint.now().ifPresent(now -> {
            try {
                AtomicFiles.write(file, record(now).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                log.info("Cannot record the start-up passage sync in {} (the next start syncs again): {}", file, e.toString());
            }
        });
    }

    private String record(String fingerprint) {
        return build.identity() + "\n" + fingerprint + "\n";
    }

    private Optional<String> recorded() {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.info("Cannot read {} (the passages are synced): {}", file, e.toString());
            return Optional.empty();
        }
    }
}
