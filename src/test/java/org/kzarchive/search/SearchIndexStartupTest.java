package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzarchive.ArchiveApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's own start-up decision, in a data directory of its own: the index is reused
 * when it mirrors the database, and rebuilt when it is missing, was left mid-write, or the
 * database changed while the application was not running.
 */
class SearchIndexStartupTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ArchiveApplication.class)
                .properties("spring.main.banner-mode=off")
                // command-line arguments outrank the test run's system property for the data directory
                .run("--server.port=0", "--archive.data-dir=" + dataDir);
    }

    private static IndexStartup startup(ConfigurableApplicationContext app) {
        return app.getBean(IndexUpdater.class).startup();
    }

    private static long hits(ConfigurableApplicationContext app, String q) {
        return app.getBean(PassageSearch.class).search(SearchRequest.of(q)).totalHits();
    }

    @Test
    void theIndexIsRebuiltWhenMissingInterruptedOrBehindTheDatabaseAndReusedOtherwise() throws IOException {
        try (var app = start()) {
            assertThat(startup(app).rebuilt()).isTrue();
            assertThat(startup(app).rebuildReason()).contains("no index directory");
            assertThat(hits(app, "Zhanaozen")).isPositive();
            // A change the index never hears of, as when a backup of the database is restored.
            var jdbc = app.getBean(JdbcTemplate.class);
            jdbc.update("update block set plain_text = plain_text || ' Baikonur' where anchor = 'inizio-rivolta'"
                    + " and translation_id = (select id from translation where language = 'it')");
            jdbc.update("update translation set version = version + 1 where language = 'it'");
            assertThat(hits(app, "Baikonur")).isZero();
        }
        try (var app = start()) {
            assertThat(startup(app).rebuilt()).isTrue();
            assertThat(startup(app).rebuildReason()).contains("the database changed while the index was not listening");
            assertThat(hits(app, "Baikonur")).isEqualTo(1);
        }
        try (var app = start()) {
            assertThat(startup(app).rebuilt()).as("nothing changed: reused").isFalse();
            assertThat(hits(app, "Baikonur")).isEqualTo(1);
        }

        // As if the process died between a database commit and the index commit.
        Files.writeString(dataDir.resolve("index").resolve(WriteInProgressMarker.FILE_NAME), "replace translation 1");
        try (var app = start()) {
            assertThat(startup(app).rebuilt()).isTrue();
            assertThat(startup(app).rebuildReason()).contains("did not finish");
            assertThat(hits(app, "Baikonur")).isEqualTo(1);
        }

        deleteRecursively(dataDir.resolve("index"));
        try (var app = start()) {
            assertThat(startup(app).rebuilt()).isTrue();
            assertThat(startup(app).rebuildReason()).contains("no index directory");
            assertThat(hits(app, "Zhanaozen")).isPositive();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
