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
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (waitingForTheLock(statement) == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(waitingForTheLock(statement)).as("a rendering waits for the database").isPositive();
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
    void readersAskingTogetherForAPageNotYetCachedWaitForOneRenderingAndGetTheSameBytes() throws Exception {
        cache.invalidate();
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
    void readersWaitingForARenderingThatFindsNoPageGetTheErrorPageAtOnce() throws Exception {
        cache.invalidate();
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
        cache.invalidate();
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
        cache.invalidate();
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
        var after = get(TEXT, "If-None-Match", before);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(before);
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
            cache.invalidate();
            long before = statistics.getPrepareStatementCount();
            assertThat(get(page).statusCode()).isEqualTo(200);
            long queries = statistics.getPrepareStatementCount() - before;
            // translation, sections, blocks (with their sections), notes (with references), timeline, alternates;
            // on the full text also the revision its downloads are made from, and the work's editions for its linked data
            assertThat(queries).as(page).isBetween(1L, 8L);
        }
    }
}
