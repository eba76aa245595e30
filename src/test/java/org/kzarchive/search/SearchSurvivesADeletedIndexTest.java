package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.archive.ArchiveMayHaveChanged;
import org.kzarchive.reading.PageFetcher;
import org.kzarchive.system.ArchiveProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

@ArchiveIntegrationTest
class SearchSurvivesADeletedIndexTest {

    @LocalServerPort
    int port;

    @Autowired
    ArchiveProperties properties;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    SearchIndex index;

    @Test
    void theIndexDirectoryDeletedWhileTheSiteRunsIsRebuiltInTheBackgroundAndSearchNeverFails() throws Exception {
        var site = new PageFetcher(port);
        String results = site.page("/search?q=Almaty").select(".results, main").text();
        DamagedIndexTest.deleteTree(properties.indexDir());

        // what the periodic check does every archive.check-interval
        events.publishEvent(new ArchiveMayHaveChanged("test"));

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean recreated = false;
        for (int q = 0; !recreated && System.nanoTime() < deadline; q++) {
            var response = site.response("/search?q=Almaty&page=" + (q % 3 + 1));
            assertThat(response.statusCode()).isEqualTo(200);
            recreated = java.nio.file.Files.exists(properties.indexDir()) && index.damage().isEmpty();
            Thread.sleep(20);
        }
        assertThat(recreated).isTrue();
        assertThat(site.page("/search?q=Almaty").select(".results, main").text()).isEqualTo(results);
        assertThat(properties.indexDir()).isDirectoryContaining(p -> p.getFileName().toString().startsWith("segments_"));
    }
}
