package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationChanged;
import org.kzarchive.archive.TranslationOrigin;
import org.kzarchive.editing.EditingFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@ArchiveIntegrationTest
class PageRefresherTest {

    @LocalServerPort
    int port;

    @Autowired
    PageCache cache;

    @Autowired
    PageRefresher refresher;

    @Autowired
    ApplicationContext context;

    private final HttpClient client = HttpClient.newHttpClient();
    private EditingFixtures fixtures;

    @AfterEach
    void removeWorks() {
        if (fixtures != null) {
            fixtures.removeWorks();
        }
    }

    private String get(String path) throws Exception {
        var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void afterAPublicationTheEditionsPageHomeAndFeedAreRenderedAgainBeforeAnyReaderAsks() throws Exception {
        fixtures = new EditingFixtures(context);
        String work = fixtures.newWork();
        cache.clear();
        refresher.idle().get(60, TimeUnit.SECONDS);
        String edition = "/it/" + work;
        String english = "/en/" + work;
        // the keys: an edition's page and a feed by their path, the home page with its interface language
        List<String> keys = List.of(edition, "/ it", "/feed.atom");
        for (String path : List.of(edition, "/", "/feed.atom")) {
            assertThat(get(path)).doesNotContain(english);
        }
        keys.forEach(key -> assertThat(cache.get(key)).as(key).isNotNull());

        long id = fixtures.write(EditingFixtures.english(work), TranslationOrigin.CONTENT, PublicationStatus.PUBLISHED);
        long renderedBefore = cache.pagesRendered();
        context.publishEvent(new TranslationChanged(id));
        refresher.idle().get(60, TimeUnit.SECONDS);

        assertThat(cache.pagesRendered() - renderedBefore).as("rendered in the background").isGreaterThanOrEqualTo(keys.size());
        keys.forEach(key -> assertThat(cache.get(key)).as(key + " current").isNotNull());
        assertThat(cache.previousVersionKeys(cache.generation())).isEmpty();
        long renderedInTheBackground = cache.pagesRendered();
        for (String path : List.of(edition, "/", "/feed.atom")) {
            assertThat(get(path)).as(path).contains(english);
        }
        assertThat(cache.pagesRendered()).as("the readers' requests were hits").isEqualTo(renderedInTheBackground);
    }

    @Test
    void afterStartUpTheFirstWorksTitleIsSearchedWholeInEachLanguageAndWordByWord() {
        assertThat(PageRefresher.searchesToWarmUp(List.of("/", "/it/kazakistan-dopo-la-rivolta", "/en/kazakistan-dopo-la-rivolta/notes",
                "/ru/other-work")))
                .containsExactly("/search?q=kazakistan+dopo+la+rivolta", "/search?q=kazakistan+dopo+la+rivolta&lang=it",
                        "/search?q=kazakistan+dopo+la+rivolta&lang=en", "/search?q=kazakistan+dopo+la+rivolta&lang=ru",
                        "/search?q=kazakistan", "/search?q=dopo", "/search?q=rivolta");
        assertThat(PageRefresher.searchesToWarmUp(List.of("/", "/feed.atom"))).isEmpty();
        List<String> manyLanguages = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "/l" + (char) ('a' + i % 26) + "/work").toList();
        assertThat(PageRefresher.searchesToWarmUp(manyLanguages)).hasSizeLessThanOrEqualTo(PageRefresher.WARM_UP_SEARCHES);
    }

    @Test
    void afterStartUpASearchPageAndAnEditionsPageAreAskedForAgainAndAgain() {
        List<String> sitemap = List.of("/", "/it/kazakistan-dopo-la-rivolta", "/en/kazakistan-dopo-la-rivolta/notes", "/feed.atom");
        assertThat(PageRefresher.pagesToAnswerAgainAndAgain(sitemap, PageRefresher.searchesToWarmUp(sitemap)))
                .containsExactly("/search?q=kazakistan+dopo+la+rivolta", "/it/kazakistan-dopo-la-rivolta");
        assertThat(PageRefresher.pagesToAnswerAgainAndAgain(List.of("/", "/feed.atom"), List.of())).isEmpty();
    }

    @Test
    void afterStartUpThePagesOfTheSitemapAreRenderedBeforeAnyReaderAsks() throws Exception {
        cache.clear();
        refresher.idle().get(60, TimeUnit.SECONDS);
        String sitemap = get("/sitemap.xml");
        List<String> pages = List.of("/it/kazakistan-dopo-la-rivolta/interview", "/en/kazakistan-dopo-la-rivolta/notes",
                "/ru/kazakistan-dopo-la-rivolta");
        pages.forEach(page -> assertThat(sitemap).contains(page + "</loc>"));
        pages.forEach(page -> assertThat(cache.get(page)).as(page).isNull());

        refresher.renderPagesAfterStartUp();
        refresher.idle().get(60, TimeUnit.SECONDS);

        for (String page : pages) {
            assertThat(cache.get(page)).as(page + " rendered in the background").isNotNull();
        }
        assertThat(cache.get("/feed.atom")).isNotNull();
        long rendered = cache.pagesRendered();
        pages.forEach(page -> {
            try {
                get(page);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(cache.pagesRendered()).as("the readers' requests were hits").isEqualTo(rendered);
    }
}
