package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.archive.TranslationChanged;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@ArchiveIntegrationTest
class PageCacheTest {

    private static final String TEXT = "/it/kazakistan-dopo-la-rivolta";

    @LocalServerPort
    int port;

    @Autowired
    PageCache cache;

    @Autowired
    PageRefresher refresher;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    MockMvc mvc;

    @Autowired
    PublicAddress publicAddress;

    @Autowired
    DataSource dataSource;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void noPageIsRenderedInTheBackground() throws Exception {
        // a reader asking for a page the background is rendering again would be given its previous version
        refresher.idle().get(60, TimeUnit.SECONDS);
    }

    /** No page and no previous version cached, and nothing rendered in the background meanwhile. */
    private void coldCache() throws Exception {
        cache.clear();
        refresher.idle().get(60, TimeUnit.SECONDS);
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return client.send(request(path, headers), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String path, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    /**
     * Asks for {@code path} {@code readers} times at once while the table of translations is
     * locked, so that the first rendering waits for the database until every reader has arrived.
     */
    private List<HttpResponse<byte[]>> askedTogether(String path, int readers) throws Exception {
        List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
        try (Connection database = dataSource.getConnection()) {
            database.setAutoCommit(false);
            try (Statement statement = database.createStatement()) {
                statement.execute("lock table translation in access exclusive mode");
                for (int i = 0; i < readers; i++) {
                    responses.add(client.sendAsync(request(path), HttpResponse.BodyHandlers.ofByteArray()));
                }
                awaitRenderingWaitingForTheDatabase(statement, path);
                Thread.sleep(500); // the other readers arrive meanwhile
            } finally {
                database.rollback();
            }
        }
        List<HttpResponse<byte[]>> answered = new ArrayList<>();
        for (var response : responses) {
            answered.add(response.get(30, TimeUnit.SECONDS));
        }
        return answered;
    }

    /**
     * Waits until the page's rendering is under way in the current generation and a session waits for
     * the locked table. The page's rendering need not be that session: another job (the downloads'
     * warm-up after a start or a change) may query the table first; the rendering is held all the same.
     */
    private void awaitRenderingWaitingForTheDatabase(Statement statement, String key) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(renderingUnderWay(key) && waitingForTheLock(statement) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(renderingUnderWay(key)).as("the page is being rendered").isTrue();
        assertThat(waitingForTheLock(statement)).as("a rendering waits for the database").isPositive();
    }

    private boolean renderingUnderWay(String key) {
        return cache.generation().renderings().containsKey(key);
    }

    private static int waitingForTheLock(Statement statement) throws Exception {
        try (ResultSet rows = statement.executeQuery(
                "select count(*) from pg_locks where not granted and relation = 'translation'::regclass")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void aRepeatedRequestGetsTheSameBytesAndAConditionalOneGets304() throws Exception {
        var first = get(TEXT);
        var second = get(TEXT);
        assertThat(second.body()).isEqualTo(first.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(second.headers().firstValue("ETag")).contains(etag);
        assertThat(first.headers().firstValue("Last-Modified")).as("one-second steps cannot tell two changes apart").isEmpty();
        assertThat(second.headers().firstValue("Content-Security-Policy")).as("security headers come with a cached page")
                .isPresent().isEqualTo(first.headers().firstValue("Content-Security-Policy"));
        assertThat(second.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(second.headers().firstValue("Set-Cookie")).isEmpty();

        var conditional = get(TEXT, "If-None-Match", etag);
        assertThat(conditional.statusCode()).isEqualTo(304);
        assertThat(conditional.body()).isEmpty();
        var sinceModified = get(TEXT, "If-Modified-Since", "Wed, 01 Jan 2098 00:00:00 GMT");
        assertThat(sinceModified.statusCode()).as("only the ETag decides").isEqualTo(200);
    }

    @Test
    void aCachedPageGoesOutWithTheHeadersOfItsRenderingAndOneDate() throws Exception {
        for (String encoding : List.of("identity", "gzip")) {
            coldCache();
            var rendered = get(TEXT + "/timeline", "Accept-Encoding", encoding);
            var cached = get(TEXT + "/timeline", "Accept-Encoding", encoding);
            assertThat(cache.get(TEXT + "/timeline")).as("the second was a cached page").isNotNull();
            assertThat(headersOf(cached)).as(encoding).isEqualTo(headersOf(rendered));
            assertThat(headersOf(cached)).containsKeys("content-language", "content-security-policy", "etag", "vary");
            assertThat(cached.headers().allValues("Date")).hasSize(1);
            var date = java.time.ZonedDateTime.parse(cached.headers().firstValue("Date").orElseThrow(),
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
            assertThat(java.time.Duration.between(date.toInstant(), java.time.Instant.now()).abs())
                    .isLessThan(java.time.Duration.ofSeconds(5));
            var notModified = get(TEXT + "/timeline", "If-None-Match", cached.headers().firstValue("ETag").orElseThrow());
            assertThat(notModified.statusCode()).isEqualTo(304);
            assertThat(notModified.headers().allValues("ETag")).isEqualTo(cached.headers().allValues("ETag"));
            assertThat(notModified.headers().allValues("Date")).hasSize(1);
        }
    }

    @Autowired
    org.springframework.boot.web.server.context.WebServerApplicationContext server;

    @Test
    void aCachedPageSentFromMemoryIsSparedTomcatsCompressionCheck() throws Exception {
        var tomcat = (org.springframework.boot.tomcat.TomcatWebServer) server.getWebServer();
        assertThat(tomcat.getTomcat().getConnector().getProtocolHandler()).isInstanceOf(HeaderBytes.KeptPagesProtocol.class);
        coldCache();
        var rendered = get(TEXT + "/timeline", "Accept-Encoding", "identity");
        var cached = get(TEXT + "/timeline", "Accept-Encoding", "identity");
        assertThat(rendered.headers().allValues("Vary")).as("the rendering: Tomcat's check wrote it anew")
                .containsExactly("accept-encoding");
        assertThat(cached.headers().allValues("Vary")).as("the kept page: its own bytes").containsExactly("Accept-Encoding");
        assertThat(cached.headers().firstValue("Content-Encoding")).isEmpty();
        var gzipped = get(TEXT + "/timeline", "Accept-Encoding", "gzip");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
    }

    @Autowired
    KeptPagesValve keptPagesValve;

    @Test
    void aKeptPageIsAnsweredInTomcatsPipelineBeforeTheFiltersWithTheFiltersHeaders() throws Exception {
        var tomcat = (org.springframework.boot.tomcat.TomcatWebServer) server.getWebServer();
        var context = (org.apache.catalina.Context) tomcat.getTomcat().getHost().findChildren()[0];
        List<String> valves = java.util.Arrays.stream(context.getPipeline().getValves()).map(v -> v.getClass().getName()).toList();
        assertThat(valves.indexOf(HeaderBytes.class.getName() + "$ExposeHeaders"))
                .as("the header list is given before the valve answers: %s", valves)
                .isGreaterThanOrEqualTo(0).isLessThan(valves.indexOf(KeptPagesValve.class.getName() + "$Answer"));
        coldCache();
        var rendered = get(TEXT + "/timeline");
        long before = keptPagesValve.answered();
        var cached = get(TEXT + "/timeline");
        assertThat(keptPagesValve.answered() - before).as("answered by the valve").isEqualTo(1);
        assertThat(headersOf(cached)).isEqualTo(headersOf(rendered));
        assertThat(cached.body()).isEqualTo(rendered.body());
        var head = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + TEXT + "/timeline"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).contains(String.valueOf(rendered.body().length));
        assertThat(keptPagesValve.answered() - before).isEqualTo(2);

        mvc.perform(MockMvcRequestBuilders.get(TEXT + "/timeline")).andExpect(status().isOk());
        assertThat(keptPagesValve.answered() - before).as("MockMvc has no valves: the filter answers").isEqualTo(2);
    }

    @Test
    void theValveFindsReaderPagesByTheirPathAndHomeAndSearchPagesByTheirKeyButNotAPageAskedWithAQuery() throws Exception {
        coldCache();
        for (String path : List.of(TEXT + "/notes", "/", "/search?q=Almaty", "/search?lang=it&q=Almaty")) {
            var rendered = get(path, "Accept-Language", "ru");
            long before = keptPagesValve.answered();
            var cached = get(path, "Accept-Language", "ru");
            assertThat(keptPagesValve.answered() - before).as("answered by the valve: %s", path).isEqualTo(1);
            assertThat(cached.body()).as(path).isEqualTo(rendered.body());
            assertThat(headersOf(cached)).as(path).isEqualTo(headersOf(rendered));
        }
        long before = keptPagesValve.answered();
        var withQuery = get(TEXT + "/notes?utm_source=x");
        assertThat(withQuery.statusCode()).isEqualTo(200);
        assertThat(withQuery.headers().firstValue("ETag")).as("answered without the cache").isEmpty();
        var otherLanguage = get("/search?q=Almaty", "Accept-Language", "en");
        assertThat(new String(otherLanguage.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("<html lang=\"en\">");
        assertThat(keptPagesValve.answered() - before).as("neither is the kept page of its address").isZero();
    }

    /**
     * Every header by lower-case name, but those of one response (Date) or of how the body is framed
     * (a rendering is sent in chunks, a cached page with its length); Vary as the set of names it lists.
     */
    private static Map<String, List<String>> headersOf(HttpResponse<byte[]> response) {
        Map<String, List<String>> headers = new java.util.TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("vary")) {
                headers.put(lower, values.stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                        .map(v -> v.strip().toLowerCase(java.util.Locale.ROOT)).sorted().distinct().toList());
            } else if (!List.of("date", "content-length", "transfer-encoding", ":status").contains(lower)) {
                headers.put(lower, values);
            }
        });
        return headers;
    }

    @Test
    void readersAskingTogetherForAPageNotYetCachedWaitForOneRenderingAndGetTheSameBytes() throws Exception {
        coldCache();
        long renderedBefore = cache.pagesRendered();
        var responses = askedTogether(TEXT + "/notes", 8);
        assertThat(cache.pagesRendered() - renderedBefore).as("renderings").isEqualTo(1);
        for (var response : responses) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(responses.getFirst().body());
            assertThat(response.headers().firstValue("ETag")).isEqualTo(responses.getFirst().headers().firstValue("ETag"));
            assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        }
        assertThat(get(TEXT + "/notes").body()).isEqualTo(responses.getFirst().body());
    }

    @Test
    void whileAPageIsRenderedAgainAfterAChangeReadersAreServedItsPreviousVersionAtOnce() throws Exception {
        coldCache();
        var before = get(TEXT);
        String previousEtag = before.headers().firstValue("ETag").orElseThrow();
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> editorsView;
        try (Connection database = dataSource.getConnection()) {
            database.setAutoCommit(false);
            try (Statement statement = database.createStatement()) {
                statement.execute("lock table translation in access exclusive mode");
                cache.invalidate();
                // the page is the only previous version: the background's rendering of it waits for the database
                awaitRenderingWaitingForTheDatabase(statement, TEXT);
                long renderedBefore = cache.pagesRendered();
                long started = System.nanoTime();
                var during = get(TEXT, "Accept-Encoding", "gzip");
                var conditional = get(TEXT, "If-None-Match", previousEtag);
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("no waiting, ms").isLessThan(2_000);
                assertThat(cache.pagesRendered()).as("no rendering of the readers' own").isEqualTo(renderedBefore);
                assertThat(during.statusCode()).isEqualTo(200);
                try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(during.body()))) {
                    assertThat(in.readAllBytes()).isEqualTo(before.body());
                }
                assertThat(during.headers().firstValue("ETag")).contains(previousEtag);
                assertThat(during.headers().firstValue("Content-Security-Policy")).isPresent();
                assertThat(conditional.statusCode()).isEqualTo(304);
                assertThat(conditional.headers().firstValue("ETag")).contains(previousEtag);
                // an editor's browser (a cookie) is not given what was there before: it waits for the rendering
                editorsView = client.sendAsync(request(TEXT, "Cookie", "SESSION=an-editors-session"),
                        HttpResponse.BodyHandlers.ofByteArray());
                Thread.sleep(500);
                assertThat(editorsView).as("the editor waits").isNotDone();
            } finally {
                database.rollback();
            }
        }
        var editors = editorsView.get(30, TimeUnit.SECONDS);
        assertThat(editors.statusCode()).isEqualTo(200);
        assertThat(editors.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(previousEtag);
        refresher.idle().get(60, TimeUnit.SECONDS);
        assertThat(cache.get(TEXT)).as("rendered again in the new generation").isNotNull();
        var after = get(TEXT, "If-None-Match", previousEtag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(previousEtag);
    }

    @Test
    void searchPagesAreNotKeptAsPreviousVersions() throws Exception {
        coldCache();
        assertThat(get("/search?q=Almaty").statusCode()).isEqualTo(200);
        assertThat(cache.get("/search?q=Almaty it")).isNotNull();
        cache.invalidate();
        assertThat(cache.previousVersion(cache.generation(), "/search?q=Almaty it")).isNull();
        assertThat(cache.previousVersionKeys(cache.generation())).noneMatch(key -> key.startsWith("/search"));
    }

    @Test
    void aFeedIsServedFromTheCacheGzippedAndAConditionalRequestGets304() throws Exception {
        coldCache();
        var first = get("/feed.atom");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/atom+xml"));
        assertThat(cache.get("/feed.atom")).isNotNull();
        long renderedBefore = cache.pagesRendered();
        var second = get("/feed.atom", "Accept-Encoding", "gzip");
        assertThat(cache.pagesRendered()).as("the second request renders nothing").isEqualTo(renderedBefore);
        assertThat(second.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(second.headers().firstValue("Content-Encoding")).contains("gzip");
        try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(second.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(first.body());
        }
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(second.headers().firstValue("ETag")).contains(etag);
        assertThat(second.headers().firstValue("Vary")).contains("Accept-Encoding");
        assertThat(get("/feed.atom", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("/feed.atom?x=1").headers().firstValue("ETag")).as("a query is not part of a feed's key").isEmpty();
    }

    @Test
    void readersWaitingForARenderingThatFindsNoPageGetTheErrorPageAtOnce() throws Exception {
        coldCache();
        long started = System.nanoTime();
        var responses = askedTogether("/it/no-such-work", 4);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("no reader waits out the bound").isLessThan(8);
        for (var response : responses) {
            assertThat(response.statusCode()).isEqualTo(404);
        }
        assertThat(cache.pagesInMemory()).isZero();
    }

    @Test
    void aPageRenderedWhileTheArchiveChangedIsNotKept() {
        PageCache.Generation renderingBegan = cache.generation();
        cache.invalidate(); // a withdrawal commits while the page is being rendered
        cache.put(renderingBegan, "/it/withdrawn", "<p>withdrawn</p>".getBytes(StandardCharsets.UTF_8), "text/html", Map.of());
        assertThat(cache.get("/it/withdrawn")).isNull();
        assertThat(cache.etag(renderingBegan, "/it/withdrawn")).isNotEqualTo(cache.etag(cache.generation(), "/it/withdrawn"));
    }

    @Test
    void keysCountInTheMemoryBudget() {
        cache.invalidate();
        String key = "/search?q=" + "k".repeat(10_000);
        cache.put(key, new byte[0], "text/html", Map.of());
        assertThat(cache.bytesInMemory()).isGreaterThanOrEqualTo(2L * key.length());
    }

    @Test
    void theHostAndForwardedHeadersChangeNeitherLinksNorWhatIsCached() throws Exception {
        coldCache();
        String canonical = null;
        for (String host : new String[] {"evil.example", "other.example", "localhost"}) {
            String html = mvc.perform(MockMvcRequestBuilders.get(TEXT).header("Host", host).header("X-Forwarded-Host", "evil.example")
                            .header("X-Forwarded-Proto", "https").with(request -> {
                                request.setServerName(host);
                                return request;
                            }))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            canonical = Jsoup.parse(html).select("link[rel=canonical]").attr("href");
            assertThat(canonical).isEqualTo(publicAddress.absolute(TEXT));
            assertThat(html).doesNotContain("evil.example", "other.example");
        }
        assertThat(cache.pagesInMemory()).isEqualTo(1);
        String openSearch = mvc.perform(MockMvcRequestBuilders.get("/opensearch.xml").header("Host", "evil.example")
                        .header("X-Forwarded-Host", "evil.example").with(request -> {
                            request.setServerName("evil.example");
                            return request;
                        }))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(openSearch).contains(publicAddress.absolute("/search?q=")).doesNotContain("evil.example");
    }

    @Test
    void parametersThePageDoesNotReadAreAnsweredWithoutTheCache() throws Exception {
        coldCache();
        mvc.perform(MockMvcRequestBuilders.get("/search").queryParam("q", "Almaty")).andExpect(status().isOk());
        assertThat(cache.pagesInMemory()).isEqualTo(1);
        for (String query : new String[] {"q=Almaty&p1=" + "x".repeat(30_000), "q=Almaty&q=Almaty", "q=%ZZ", "q=" + "a".repeat(500),
                "lang=it&q=Almaty&utm_source=x"}) {
            // the raw address, as a browser may send it (MockMvc would encode a "%" in a URI template)
            var response = mvc.perform(MockMvcRequestBuilders.get("/search").with(request -> {
                request.setQueryString(query);
                return request;
            })).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getHeader("ETag")).as(query).isNull();
        }
        assertThat(cache.pagesInMemory()).isEqualTo(1);
        mvc.perform(MockMvcRequestBuilders.get("/search?lang=it&q=Almaty")).andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.get("/search?q=Almaty&lang=it&page=")).andExpect(status().isOk());
        assertThat(cache.pagesInMemory()).as("one key, whatever the order of the parameters").isEqualTo(2);
    }

    @Test
    void aChangedTranslationChangesTheEtag() throws Exception {
        String before = get(TEXT).headers().firstValue("ETag").orElseThrow();
        events.publishEvent(new TranslationChanged(1));
        // meanwhile a reader may be given the page as it was, with its ETag, while it is rendered again
        refresher.idle().get(60, TimeUnit.SECONDS);
        var after = get(TEXT, "If-None-Match", before);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(before);
    }

    @Test
    void aChangedTranslationStartsOneGenerationOfPagesSoTheyAreRenderedAgainOnce() throws Exception {
        get(TEXT);
        var started = new java.util.concurrent.atomic.AtomicInteger();
        cache.onNewGeneration(generation -> started.incrementAndGet());
        events.publishEvent(new TranslationChanged(1));
        refresher.idle().get(60, TimeUnit.SECONDS);
        assertThat(started).as("generations started by one change").hasValue(1);
    }

    @Test
    void pagesAreGzippedForReadersWhoAcceptIt() throws Exception {
        var plain = get(TEXT);
        var gzipped = get(TEXT, "Accept-Encoding", "gzip");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
        try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
    }

    @Test
    void theStylesheetHasAContentHashInItsNameAndIsCachedForAYear() throws Exception {
        String html = new String(get("/").body(), java.nio.charset.StandardCharsets.UTF_8);
        var matcher = java.util.regex.Pattern.compile("href=\"(/assets/site-[0-9a-f]{32}\\.css)\"").matcher(html);
        assertThat(matcher.find()).as("fingerprinted stylesheet link in " + html.substring(0, 600)).isTrue();
        var css = get(matcher.group(1));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
    }

    @Test
    void aFullTextPageCostsTheSameFewQueriesHoweverManyBlocksItHas() throws Exception {
        var statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        for (String page : new String[] {TEXT, TEXT + "/interview", TEXT + "/notes"}) {
            coldCache();
            long before = statistics.getPrepareStatementCount();
            assertThat(get(page).statusCode()).isEqualTo(200);
            long queries = statistics.getPrepareStatementCount() - before;
            // translation, sections, blocks (with their sections), notes (with references), timeline, alternates;
            // on the full text also the revision its downloads are made from, and the work's editions for its linked data
            assertThat(queries).as(page).isBetween(1L, 8L);
        }
    }
}
