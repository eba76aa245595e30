package org.kzarchive.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

/** PostgreSQL stops while the site runs, then comes back: what readers and editors get meanwhile. */
class DatabaseOutageTest {

    static final String TEXT = "/it/kazakistan-dopo-la-rivolta";

    @TempDir
    static Path dataDir;

    static PostgresServer database;
    static ArchiveInstance site;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PostgresServer.available(), "PostgreSQL 15 binaries are not installed");
        database = PostgresServer.started();
        site = ArchiveInstance.start(dataDir, database.jdbcUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {site, database}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void whileTheDatabaseIsDownCachedPagesAnswerOthersSay503QuicklyTheEditorKeepsTheTextAndAllRecoversWithoutRestart()
            throws Exception {
        var reader = new SiteVisitor();
        String cachedText = reader.page(site.base() + TEXT).select("main").text();
        var editor = new SiteVisitor();
        editor.signIn(site.base());
        long id = site.bean(JdbcTemplate.class).queryForObject("select id from translation where language = 'it'", Long.class);
        var form = editor.page(site.base() + "/admin/translations/" + id + "/edit");
        String edited = form.select("textarea[name=markdown]").text().replace("Dopo la nostra copertura",
                "Testo scritto durante il guasto. Dopo la nostra copertura");
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("form.translation-form").forms().get(0).formData().stream()
                .filter(field -> !field.key().equals("upload") && !field.key().equals("action"))
                .forEach(field -> fields.put(field.key(), field.value()));
        fields.put("markdown", edited);
        fields.put("action", "save");

        database.stop();

        var cached = timed(() -> reader.get(site.base() + TEXT));
        assertThat(cached.response().statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(cached.response().body()).select("main").text()).isEqualTo(cachedText);

        // parallel pages: not in the sitemap, so not rendered in the background after start-up; no one asked for them
        var uncached = timed(() -> reader.get(site.base() + TEXT + "/parallel/en"));
        assertThat(uncached.took()).isLessThan(Duration.ofSeconds(5));
        assertThat(uncached.response().statusCode()).isEqualTo(503);
        var page = Jsoup.parse(uncached.response().body());
        assertThat(page.select("h1").text()).isEqualTo("Archivio momentaneamente non disponibile");
        assertThat(page.text()).doesNotContain("Exception", "at org.", "SQL");

        assertThat(reader.get(site.base() + TEXT + "/interview/parallel/ru", "*/*").statusCode())
                .as("a client that does not ask for HTML gets the same status").isEqualTo(503);

        var health = timed(() -> reader.get(site.base() + "/actuator/health", "*/*"));
        assertThat(health.took()).isLessThan(Duration.ofSeconds(5));
        assertThat(health.response().statusCode()).isEqualTo(503);
        assertThat(health.response().body()).contains("\"status\":\"DOWN\"");

        var save = timed(() -> editor.post(site.base() + "/admin/translations/" + id, fields));
        assertThat(save.took()).isLessThan(Duration.ofSeconds(5));
        assertThat(save.response().statusCode()).isEqualTo(503);
        var answer = Jsoup.parse(save.response().body());
        assertThat(answer.select("[role=alert]").text()).startsWith("Il testo non è stato salvato");
        assertThat(answer.select("textarea").text()).contains("Testo scritto durante il guasto.");

        database.start();

        TwoInstancesTest.within(Duration.ofSeconds(10), () -> reader.get(site.base() + "/actuator/health", "*/*").statusCode() == 200);
        assertThat(reader.get(site.base() + TEXT + "/parallel/en").statusCode()).as("uncached, rendered again").isEqualTo(200);
        var saved = editor.post(site.base() + "/admin/translations/" + id, fields);
        assertThat(saved.statusCode()).as("the same session and form, sent again: %s", saved.body()).isEqualTo(302);
        assertThat(site.bean(JdbcTemplate.class).queryForObject(
                "select count(*) from translation_revision where translation_id = ? and markdown like '%durante il guasto%'",
                Integer.class, id)).isEqualTo(1);
    }

    record Timed(HttpResponse<String> response, Duration took) {
    }

    interface Request {
        HttpResponse<String> send() throws Exception;
    }

    static Timed timed(Request request) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = request.send();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
    }
}
