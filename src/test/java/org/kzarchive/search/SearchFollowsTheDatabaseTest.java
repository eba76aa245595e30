package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.reading.PageFetcher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** A committed change of a translation is searchable at once, and cached search pages follow. */
@ArchiveIntegrationTest
class SearchFollowsTheDatabaseTest {

    private static final String TEXT = """
            ---
            work: prova-di-aggiornamento
            language: en
            title: An update test
            ---

            The rockets of Baikonur were not mentioned by the protesters.
            """;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    SearchIndex index;

    private PageFetcher pages;
    private ArchiveWrites writes;

    @BeforeEach
    void setUp() {
        pages = new PageFetcher(port);
        writes = new ArchiveWrites(context);
    }

    private Document baikonur() throws Exception {
        return pages.page("/search?q=Baikonur");
    }

    @Test
    void aPublishedTranslationIsFoundWithinASecondAndGoneWhenWithdrawnOrDeleted() throws Exception {
        assertThat(baikonur().select(".result")).isEmpty(); // now cached as "nothing found"
        String fingerprint = index.databaseFingerprint().orElseThrow();

        long started = System.nanoTime();
        long id = writes.publish(TEXT);
        Document found = baikonur();
        long millis = (System.nanoTime() - started) / 1_000_000;
        try {
            assertThat(found.select(".result-title a").eachAttr("href")).containsExactly("/en/prova-di-aggiornamento#apertura-1");
            assertThat(found.select(".result .excerpt").html()).contains("<mark>Baikonur</mark>");
            assertThat(millis).as("from commit to search result").isLessThan(1_000);
            assertThat(index.databaseFingerprint()).get().as("recorded with the write").isNotEqualTo(fingerprint);

            writes.publish(TEXT.replace("Baikonur", "Baikonur and Semey"));
            assertThat(pages.page("/search?q=Semey").select(".result")).hasSize(1);

            writes.withdraw(id);
            assertThat(baikonur().select(".result")).isEmpty();
        } finally {
            writes.delete(id);
        }
        assertThat(baikonur().select(".result")).isEmpty();
        assertThat(index.databaseFingerprint()).get().as("back to the archive as it was").isEqualTo(fingerprint);
    }
}
