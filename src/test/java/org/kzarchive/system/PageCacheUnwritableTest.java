package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.reading.PageFetcher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ArchiveIntegrationTest
class PageCacheUnwritableTest {

    @LocalServerPort
    int port;

    @Autowired
    ArchiveProperties properties;

    @Autowired
    PageCache cache;

    @Test
    void whenThePageCacheCannotBeWrittenPagesAreStillServed() throws Exception {
        var site = new PageFetcher(port);
        String text = site.page("/it/kazakistan-dopo-la-rivolta").select("main").text();
        Path directory = properties.dataDir().resolve("page-cache");
        if (Files.isDirectory(directory)) {
            org.springframework.util.FileSystemUtils.deleteRecursively(directory);
        }
        // a file where the directory should be: no page can be written below it (as with a full or read-only disk,
        // and unlike permissions, it holds for root too)
        Files.writeString(directory, "in the way");
        try {
            cache.invalidate();
            for (int i = 0; i < 3; i++) {
                var response = site.response("/it/kazakistan-dopo-la-rivolta");
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(org.jsoup.Jsoup.parse(response.body()).select("main").text()).isEqualTo(text);
            }
            assertThat(site.response("/search?q=Almaty").statusCode()).isEqualTo(200);
        } finally {
            Files.delete(directory);
            cache.invalidate();
        }
    }
}
