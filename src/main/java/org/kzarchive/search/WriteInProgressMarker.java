package org.kzarchive.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A file that exists while the index is being changed. The database commits first and the index
 * follows, so if the process dies in between the index has missed a change; finding this file at
 * start-up tells us so, and the index is rebuilt.
 */
final class WriteInProgressMarker {

    static final String FILE_NAME = "write-in-progress.marker";

    private final Path file;

    WriteInProgressMarker(Path indexDirectory) {
        this.file = indexDirectory.resolve(FILE_NAME);
    }

    boolean isPresent() {
        return Files.exists(file);
    }

    void set(String operation) throws IOException {
        Files.writeString(file, operation + " started " + Instant.now() + "\n", StandardCharsets.UTF_8);
    }

    void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
