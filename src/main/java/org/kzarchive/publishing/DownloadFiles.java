package org.kzarchive.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.kzarchive.system.ApplicationBuild;
import org.kzarchive.system.AtomicFiles;
import org.kzarchive.system.ArchiveProperties;
import org.kzarchive.system.PublicAddress;
import org.kzarchive.system.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The downloads made before, kept as files under {@code <data-dir>/downloads/} so that a restart
 * does not make them again: an edition's page lists its files' sizes and checksums, and making a
 * PDF takes seconds. Derived data like the search index: deleting the folder only costs the builds.
 * A file is named after everything its bytes depend on (the revision's text and facts, the site's
 * public address, the application's build), so a file of another revision or build is never
 * read, and writing one removes the older files of the same edition and format. Failing to write
 * is not an error for the reader: the file is made again next time.
 */
@Component
class DownloadFiles {

    private static final Logger log = LoggerFactory.getLogger(DownloadFiles.class);

    private final Path directory;
    private final PublicAddress address;
    private final String build;

    DownloadFiles(ArchiveProperties properties, PublicAddress address, ApplicationBuild build) {
        this.directory = properties.downloadsDir().toAbsolutePath();
        this.address = address;
        this.build = build.identity();
    }

    /** The bytes kept for this revision and format, if a file was written for exactly them. */
    Optional<byte[]> read(EditionRevision revision, DownloadFormat format) {
        try {
            return Optional.of(Files.readAllBytes(path(revision, format)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("Cannot read the kept {} of {}/{}, making it again: {}", format, revision.language(), revision.work(), e.toString());
            return Optional.empty();
        }
    }

    /** Keeps the bytes, written whole or not at all, and removes the edition's older files of this format. */
    void write(EditionRevision revision, DownloadFormat format, byte[] bytes) {
        Path file = path(revision, format);
        try {
            AtomicFiles.write(file, bytes);
            removeOlder(prefix(revision, format), file);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot keep the {} of {}/{} on disk (it is made again after a restart): {}", format, revision.language(),
                    revision.work(), e.toString());
        }
    }

    private void removeOlder(String prefix, Path current) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*")) {
            for (Path older : files) {
                if (!older.equals(current)) {
                    Files.deleteIfExists(older);
                }
            }
        }
    }

    private static String prefix(EditionRevision revision, DownloadFormat format) {
        return revision.translationId() + "-" + format.name().toLowerCase(Locale.ROOT) + "-";
    }

    Path path(EditionRevision revision, DownloadFormat format) {
        String inputs = String.join("\n", build, address.base(), format.name(), Long.toString(revision.translationId()),
                Long.toString(revision.version()), revision.updatedAt().toString(), Sha256.hex(revision.markdown()),
                String.valueOf(revision.edition().metadata()), String.valueOf(revision.edition().work()));
        return directory.resolve(prefix(revision, format) + Sha256.hex(inputs).substring(0, 24));
    }
}
