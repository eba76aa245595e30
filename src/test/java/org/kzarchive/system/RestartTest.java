package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kzarchive.reading.PageFetcher;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded database keeps everything in the data directory: a restart loses nothing. */
@ExtendWith(OutputCaptureExtension.class)
class RestartTest {

    private static final String PASSAGES_NOT_READ_AGAIN = "Passages of the editions: the database is as this build's last start-up sync left it";

    // a fixed public address: the kept pages' links name it, so only a start with the same address takes them
    private static final String SITE = "--archive.public-url=https://archivio.example.org";

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... more) {
        return start(new Class<?>[0], more);
    }

    /** Started as {@code main} starts it, with {@code beans} made while the start goes on. */
    private ConfigurableApplicationContext start(Class<?>[] beans, String... more) {
        return StartedAsMain.start(dataDir, beans, more);
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

    @Test
    void pagesRenderedBeforeAStopAreKeptForTheNextStartAndRenderedAgainFromTheDatabase() throws Exception {
        Path kept = dataDir.resolve("page-snapshot").resolve("pages.bin");
        try (var first = start(SITE)) {
            new PageFetcher(port(first)).page("/it/kazakistan-dopo-la-rivolta");
            // changed while the application is stopped, as by another instance
            first.getBean(JdbcTemplate.class).update("update translation set translator = 'Redazione' where language = 'it'");
        }
        assertThat(kept).as("written at the stop").exists();
        try (var second = start(SITE)) {
            assertThat(kept).as("taken at the start").doesNotExist();
            // whoever asks for the page as it is now gets it at once
            HttpResponse<String> current = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port(second) + "/it/kazakistan-dopo-la-rivolta"))
                    .header("Cache-Control", "no-cache").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(current.body()).contains("Redazione");
            // and once the kept pages are rendered again, every reader does
            PagesRenderedAgain.await(second);
            assertThat(textWithoutDownloads(new PageFetcher(port(second)).page("/it/kazakistan-dopo-la-rivolta"))).contains("Redazione")
                    .doesNotContain("CrimethInc. (traduzione italiana)");
        }
        assertThat(Files.exists(kept)).as("kept again at the second stop").isTrue();
    }

    @Test
    void pagesKeptAtAStopAreCurrentAtTheNextStartWhenNothingChangedMeanwhileAndAnsweredBeforeItEnds() throws Exception {
        String page = aRunThatKeptEveryPage();
        try (var second = start(new Class<?>[] {DuringTheStart.class}, SITE)) {
            var during = second.getBean(DuringTheStart.class);
            assertThat(during.keptPage.statusCode()).as("a kept page, while the rest of the application is made").isEqualTo(200);
            assertThat(org.jsoup.Jsoup.parse(during.keptPage.body(), "http://localhost:" + port(second) + "/it/kazakistan-dopo-la-rivolta")
                    .outerHtml()).isEqualTo(page);
            assertThat(during.searchAnsweredDuringTheStart).as("a page not kept waits for the start's end").isFalse();
            HttpResponse<String> search = during.search.get(30, TimeUnit.SECONDS);
            assertThat(search.statusCode()).isEqualTo(200);
            assertThat(search.body()).contains("Almaty");

            PageCache cache = second.getBean(PageCache.class);
            assertThat(cache.get("/it/kazakistan-dopo-la-rivolta")).as("current from the start").isNotNull();
            assertThat(new PageFetcher(port(second)).page("/it/kazakistan-dopo-la-rivolta").outerHtml()).isEqualTo(page);
            PagesRenderedAgain.await(second);
            // nothing rendered again; only the search asked during the start and those made after it to warm the search code
            int warmUpSearches = PageRefresher.searchesToWarmUp(List.of("/it/kazakistan-dopo-la-rivolta",
                    "/en/kazakistan-dopo-la-rivolta", "/ru/kazakistan-dopo-la-rivolta")).size();
            assertThat(cache.pagesRendered()).isLessThanOrEqualTo(1 + warmUpSearches);
            // and the requests for cached pages that warm the code sending them were all answered from the cache
            assertThat(second.getBean(PageRefresher.class).cachedPagesAnsweredAfterStartUp()).isEqualTo(PageRefresher.WARM_UP_ANSWERS);
        }
    }

    @Test
    void aStartThatFailsAfterAnsweringKeptPagesLeavesNoRequestWaiting() throws Exception {
        aRunThatKeptEveryPage();
        assertThatThrownBy(() -> start(new Class<?>[] {FailingStart.class}, SITE)).hasRootCauseMessage("a bean that cannot be made");
        try {
            HttpResponse<String> held = FailingStart.search.get(30, TimeUnit.SECONDS);
            assertThat(held.statusCode()).as("refused, never answered by a half-made application").isEqualTo(503);
            assertThat(held.headers().firstValue("Retry-After")).isPresent();
            assertThat(held.body()).contains("riprova tra qualche secondo");
        } catch (ExecutionException closedWithTheServer) {
            assertThat(closedWithTheServer).hasCauseInstanceOf(IOException.class);
        }
    }

    @Test
    void aRestartOfTheSameBuildOnAnUnchangedDatabaseDoesNotSyncThePassagesAgain(CapturedOutput output) throws Exception {
        try (var first = start()) {
            assertThat(output.getOut()).as("a new database is synced").doesNotContain(PASSAGES_NOT_READ_AGAIN);
        }
        int mark = output.getOut().length();
        try (var second = start()) {
            assertThat(output.getOut().substring(mark)).contains(PASSAGES_NOT_READ_AGAIN);
            assertThat(second.getBean(JdbcTemplate.class).queryForObject("select count(*) from translation_unit", Long.class))
                    .isPositive();
        }
    }

    @Test
    void passagesChangedWhileTheApplicationWasStoppedAreSyncedAtTheNextStart(CapturedOutput output) throws Exception {
        String units = "select count(*) from translation_unit u join translation t on t.id = u.translation_id where t.language = 'en'";
        long english;
        try (var first = start()) {
            var jdbc = first.getBean(JdbcTemplate.class);
            english = jdbc.queryForObject(units, Long.class);
            // stands for a database changed by hand or restored from a backup
            jdbc.update("delete from translation_unit where translation_id = (select id from translation where language = 'en')");
        }
        assertThat(english).isPositive();
        int mark = output.getOut().length();
        try (var second = start()) {
            assertThat(output.getOut().substring(mark)).doesNotContain(PASSAGES_NOT_READ_AGAIN);
            assertThat(second.getBean(JdbcTemplate.class).queryForObject(units, Long.class)).isEqualTo(english);
        }
    }

    @Test
    void anotherBuildSyncsThePassagesOfAnUnchangedDatabase(CapturedOutput output) throws Exception {
        try (var first = start()) {
            assertThat(first.getBean(ApplicationBuild.class).identity()).doesNotStartWith("unknown@");
        }
        Path otherBuild = dataDir.resolve("other-build-info.properties");
        Files.writeString(otherBuild, "build.version=0.1.1\nbuild.time=2030-01-01T00\\:00\\:00Z\n");
        int mark = output.getOut().length();
        try (var second = start("--spring.info.build.location=" + otherBuild.toUri())) {
            assertThat(second.getBean(ApplicationBuild.class).identity()).startsWith("0.1.1@");
            assertThat(output.getOut().substring(mark)).doesNotContain(PASSAGES_NOT_READ_AGAIN);
            assertThat(dataDir.resolve("workbench").resolve("last-start-up-sync")).content().startsWith("0.1.1@");
        }
    }

    @Test
    void withoutBuildInformationEveryStartIsABuildOfItsOwnThatSyncsThePassagesAndTakesNoKeptPage(CapturedOutput output)
            throws Exception {
        String noBuildInformation = "--spring.info.build.location=" + dataDir.resolve("no-build-info.properties").toUri();
        String firstIdentity;
        try (var first = start(SITE, noBuildInformation)) {
            firstIdentity = first.getBean(ApplicationBuild.class).identity();
            assertThat(firstIdentity).startsWith("unknown@");
            new PageFetcher(port(first)).page("/it/kazakistan-dopo-la-rivolta");
            PagesRenderedAgain.await(first);
        }
        int mark = output.getOut().length();
        try (var second = start(SITE, noBuildInformation)) {
            assertThat(second.getBean(ApplicationBuild.class).identity()).startsWith("unknown@").isNotEqualTo(firstIdentity);
            // its code may have changed since the last start: nothing that start derived from it is reused
            assertThat(output.getOut().substring(mark)).contains("Passages of the editions recorded at start-up")
                    .contains("Rendered pages of another build or address found; not taken")
                    .doesNotContain(PASSAGES_NOT_READ_AGAIN);
        }
        assertThat(dataDir.resolve("workbench").resolve("last-start-up-sync")).as("no record a later start could take").doesNotExist();
    }

    /**
     * The first start of a new data directory (its database made, the content imported, the workbench's
     * passages recorded once it is up): returns the full text kept at its stop.
     */
    private String aRunThatKeptEveryPage() throws Exception {
        try (var first = start(SITE)) {
            String page = new PageFetcher(port(first)).page("/it/kazakistan-dopo-la-rivolta").outerHtml();
            // every page of the sitemap rendered, so every one is kept
            PagesRenderedAgain.await(first);
            return page;
        }
    }

    private static HttpRequest get(ApplicationContext context, String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
    }

    /** Made after the web server, before the start ends: asks for a kept page and for a search as readers would. */
    static class DuringTheStart {
        final HttpResponse<String> keptPage;
        final CompletableFuture<HttpResponse<String>> search;
        final boolean searchAnsweredDuringTheStart;

        DuringTheStart(ApplicationContext context) throws Exception {
            var client = HttpClient.newHttpClient();
            keptPage = client.send(get(context, "/it/kazakistan-dopo-la-rivolta"), HttpResponse.BodyHandlers.ofString());
            search = client.sendAsync(get(context, "/search?q=Almaty"), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(500);
            searchAnsweredDuringTheStart = search.isDone();
        }
    }

    /** A bean that fails after the web server was opened to kept pages, while a reader waits for a search. */
    static class FailingStart {
        static CompletableFuture<HttpResponse<String>> search;

        FailingStart(ApplicationContext context) throws InterruptedException {
            search = HttpClient.newHttpClient().sendAsync(get(context, "/search?q=Almaty"), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(500);
            throw new IllegalStateException("a bean that cannot be made");
        }
    }
}
