package org.kzarchive.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Decides at start-up whether the index on disk can be used or must be rebuilt, and why. */
final class IndexStartupCheck {

    private IndexStartupCheck() {
    }

    /** @param databaseFingerprint the database's current state, or null not to compare it */
    static Optional<String> reasonToRebuild(Path indexDirectory, WriteInProgressMarker marker,
            String databaseFingerprint) {
        if (!Files.isDirectory(indexDirectory)) {
            return Optional.of("there is no index directory yet");
        }
        if (marker.isPresent()) {
            return Optional.of("an earlier write did not finish (found " + marker + ")");
        }
        try (Directory directory = FSDirectory.open(indexDirectory)) {
            if (!DirectoryReader.indexExists(directory)) {
                return Optional.of("the index directory holds no index");
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Map<String, String> recorded = reader.getIndexCommit().getUserData();
                String version = recorded.get(SearchIndex.VERSION_KEY);
                if (!String.valueOf(SearchIndex.INDEX_VERSION).equals(version)) {
                    return Optional.of("the index has version " + version
                            + ", this application writes version " + SearchIndex.INDEX_VERSION);
                }
                String mirrored = recorded.get(SearchIndex.FINGERPRINT_KEY);
                if (databaseFingerprint != null && !databaseFingerprint.equals(mirrored)) {
                    return Optional.of("the database changed while the index was not listening (the index mirrors "
                            + shortened(mirrored) + ", the database is at " + shortened(databaseFingerprint) + ")");
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // CorruptIndexException, IndexFormatTooOld/TooNewException, a missing codec...:
            // the index is only a cache of the database, so any of them means "build it again".
            return Optional.of("the index cannot be read (" + unreadable + ")");
        }
        return Optional.empty();
    }

    private static String shortened(String fingerprint) {
        if (fingerprint == null) {
            return "an unknown state";
        }
        return "state " + (fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint);
    }
}
