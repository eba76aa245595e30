package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzarchive.ArchiveApplication;
import org.kzarchive.reading.PageFetcher;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded database keeps everything in the data directory: a restart loses nothing. */
class RestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ArchiveApplication.class)
                .properties("spring.main.banner-mode=off")
                // command-line arguments outrank the test run's system property for the data directory
                .run("--server.port=0", "--archive.data-dir=" + dataDir);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The reader's text; the downloads' checksums change with the credits the files carry. */
    private static String textWithoutDownloads(org.jsoup.nodes.Document page) {
        page.select("main .downloads").remove();
        return page.select("main").text();
    }

    @Test
    void pagesAndEditsSurviveARestartFromTheDataDirectory() throws Exception {
        String before;
        long version;
        try (var first = start()) {
            before = textWithoutDownloads(new PageFetcher(port(first)).page("/it/kazakistan-dopo-la-rivolta"));
            var jdbc = first.getBean(JdbcTemplate.class);
            version = jdbc.queryForObject("select version from translation where language = 'it'", Long.class);
            // stands for an editor's change made through the site
            jdbc.update("update translation set translator = 'Redazione' where language = 'it'");
        }
        try (var second = start()) {
            var jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select translator from translation where language = 'it'", String.class)).isEqualTo("Redazione");
            assertThat(jdbc.queryForObject("select version from translation where language = 'it'", Long.class))
                    .as("an unchanged content folder is not imported again").isEqualTo(version);
            String after = textWithoutDownloads(new PageFetcher(port(second)).page("/it/kazakistan-dopo-la-rivolta"));
            assertThat(after).isEqualTo(before.replace("CrimethInc. (traduzione italiana)", "Redazione"));
        }
    }
}
