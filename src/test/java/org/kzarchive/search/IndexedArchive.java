package org.kzarchive.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Lucene index of {@link ArchivePassages} in a temporary directory, built once for a test
 * class: {@code @RegisterExtension static final IndexedArchive archive = new IndexedArchive();}
 */
final class IndexedArchive implements BeforeAllCallback, AfterAllCallback {

    private Class<?> owner; // @Nested classes see the extension too: the outer class builds and closes it
    private Path directory;
    private SearchIndex index;
    private PassageSearch search;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (owner != null) {
            return;
        }
        owner = context.getRequiredTestClass();
        directory = Files.createTempDirectory("archive-index-");
        index = new SearchIndex(directory.resolve("index"));
        index.openOrRebuild(ArchivePassages.source(ArchivePassages.all()));
        search = new PassageSearch(index);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (context.getRequiredTestClass() != owner) {
            return;
        }
        owner = null;
        index.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    SearchIndex index() {
        return index;
    }

    PassageSearch search() {
        return search;
    }
}
