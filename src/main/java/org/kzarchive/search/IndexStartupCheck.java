package org.kzarchive.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Decides at start-up whether the index on disk can be used or must be rebuilt, and why. */
final class IndexStartupCheck {

    private IndexStartupCheck() {
    }

    static Optional<String> reasonToRebuild(Path indexDirectory, WriteInProgressMarker marker) {
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
                String recorded = reader.getIndexCommit().getUserData().get(SearchIndex.VERSION_KEY);
                if (!String.valueOf(SearchIndex.INDEX_VERSION).equals(recorded)) {
                    return Optional.of("the index has version " + recorded
                            + ", this application writes version " + SearchIndex.INDEX_VERSION);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // CorruptIndexException, IndexFormatTooOld/TooNewException, a missing codec...:
            // the index is only a cache of the database, so any of them means "build it again".
            return Optional.of("the index cannot be read (" + unreadable + ")");
        }
        return Optional.empty();
    }
}
