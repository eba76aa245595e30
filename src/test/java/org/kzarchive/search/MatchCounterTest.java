package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counts and filters hold when the index has several segments, as it does after every update. */
class MatchCounterTest {

    @TempDir
    Path dataDir;

    SearchIndex index;

    @BeforeEach
    void indexInTwoSegments() {
        index = new SearchIndex(dataDir.resolve("index"));
        index.openOrRebuild(ArchivePassages.source(ArchivePassages.all()));
        // Re-indexing a translation writes a new segment that holds only that translation's language;
        // "en" sorts before "it", the only value there, which once read as "no filter".
        index.replaceTranslation(ArchivePassages.ITALIAN, ArchivePassages.italian());
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void aFilterValueMissingFromASegmentLetsNothingOfThatSegmentThrough() throws Exception {
        int segments = index.withSearcher(searcher -> searcher.getIndexReader().leaves().size());
        assertThat(segments).isGreaterThan(1);
        PassageSearch search = new PassageSearch(index);

        SearchResults italian = search.search(SearchRequest.of("Almaty").inLanguage("it"));
        SearchResults english = search.search(SearchRequest.of("Almaty").inLanguage("en"));
        SearchResults all = search.search(SearchRequest.of("Almaty"));

        assertThat(italian.hits()).isNotEmpty().allMatch(hit -> hit.language().equals("it"));
        assertThat(english.hits()).isNotEmpty().allMatch(hit -> hit.language().equals("en"));
        assertThat(italian.totalHits()).isEqualTo(all.languageCounts().get("it"));
        assertThat(english.totalHits()).isEqualTo(all.languageCounts().get("en"));
        assertThat(english.languageCounts()).as("counted without their own filter").isEqualTo(all.languageCounts());
    }

    @Test
    void kindAndLanguageFiltersCombine() {
        PassageSearch search = new PassageSearch(index);
        SearchResults captions = search.search(SearchRequest.of("Almaty").ofKind(PassageKind.CAPTION).inLanguage("it"));
        assertThat(captions.hits()).isNotEmpty()
                .allMatch(hit -> hit.kind() == PassageKind.CAPTION && hit.language().equals("it"));
        assertThat(captions.totalHits()).isEqualTo(captions.hits().size());
    }
}
