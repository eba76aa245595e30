package org.kzarchive.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** Two instances of the site, each with its own data directory, behind one PostgreSQL. */
class TwoInstancesTest {

    static final String WORK = "kazakistan-dopo-la-rivolta";

    @TempDir
    static Path dataDirs;

    static PostgresServer database;
    static ArchiveInstance a;
    static ArchiveInstance b;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PostgresServer.available(), "PostgreSQL 15 binaries are not installed");
        database = PostgresServer.started();
        a = ArchiveInstance.start(dataDirs.resolve("a"), database.jdbcUrl());
        b = ArchiveInstance.start(dataDirs.resolve("b"), database.jdbcUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {b, a, database}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /** The Italian text as a new translation into {@code language}, with a word no other text has. */
    static String translationWithWord(String language, String word) {
        return SeedText.italian(a).replace("language: it", "language: " + language)
                .replace("Dopo la nostra copertura", word + " dopo la nostra copertura");
    }

    @Test
    void aTranslationPublishedOnOneInstanceIsOnTheOtherInstancesPagesAndSearchWithinTwoSeconds() throws Exception {
        var reader = new SiteVisitor();
        // B has its home page and this search cached from before the change
        assertThat(reader.page(b.base() + "/").select("a[href=/de/" + WORK + "]")).isEmpty();
        assertThat(reader.page(b.base() + "/search?q=Zauberwortneu").select(".results .result")).isEmpty();

        var editor = new SiteVisitor();
        editor.signIn(a.base());
        var published = editor.submit(a.base() + "/admin/translations/new", a.base() + "/admin/translations", Map.of(
                "work", WORK, "language", "de", "markdown", translationWithWord("de", "Zauberwortneu"), "action", "publish"));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
        long publishedAt = System.nanoTime();

        within(Duration.ofSeconds(2), () -> !reader.page(b.base() + "/").select("a[href=/de/" + WORK + "]").isEmpty());
        within(Duration.ofSeconds(2), () -> !reader.page(b.base() + "/search?q=Zauberwortneu").select(".results .result").isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - publishedAt)).isLessThan(Duration.ofSeconds(2));
        assertThat(reader.page(b.base() + "/de/" + WORK).select("main").text()).contains("Zauberwortneu");
    }

    @Test
    void anEditorSignedInOnOneInstanceContinuesOnTheOtherWithTheSameSessionCookie() throws Exception {
        var editor = new SiteVisitor();
        editor.signIn(a.base());

        var onB = editor.get(b.base() + "/admin");
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("admin");
        // a form opened on B and sent to A: the CSRF token lives in the shared session too
        var saved = editor.submit(b.base() + "/admin/translations/new", a.base() + "/admin/translations", Map.of(
                "work", WORK, "language", "fr", "markdown", translationWithWord("fr", "Motmagique"), "action", "save"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).contains("/admin/translations/");
    }

    @Test
    void signingOutOnOneInstanceSignsOutOnTheOther() throws Exception {
        var editor = new SiteVisitor();
        editor.signIn(a.base());
        assertThat(editor.get(b.base() + "/admin").statusCode()).isEqualTo(200);
        var out = editor.submit(b.base() + "/admin", b.base() + "/admin/sign-out", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(editor.get(a.base() + "/admin").statusCode()).as("asked to sign in again").isEqualTo(302);
    }

    @Test
    void failedSignInsAreCountedAcrossBothInstances() throws Exception {
        var stranger = new SiteVisitor();
        Map<String, String> guess = Map.of("username", "nobody-of-" + WORK, "password", "a wrong guess");
        // five wrong passwords for one account from one address, spread over both instances
        for (int i = 0; i < 5; i++) {
            String base = (i % 2 == 0 ? a : b).base();
            var answer = stranger.submit(base + "/admin/sign-in", base + "/admin/sign-in", guess);
            assertThat(answer.headers().firstValue("Location").orElse("")).as("attempt " + (i + 1)).contains("error");
        }
        for (ArchiveInstance instance : new ArchiveInstance[] {a, b}) {
            var sixth = stranger.submit(instance.base() + "/admin/sign-in", instance.base() + "/admin/sign-in", guess);
            assertThat(sixth.headers().firstValue("Location").orElse("")).as("the sixth, on either").contains("throttled");
        }
    }

    static void within(Duration limit, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + limit);
            }
            Thread.sleep(50);
        }
    }
}
