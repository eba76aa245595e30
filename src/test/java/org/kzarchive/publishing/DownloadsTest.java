package org.kzarchive.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.editing.EditingFixtures;
import org.kzarchive.reading.PageFetcher;
import org.kzarchive.system.Sha256;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Downloads on the edition's page, answered with ETag and 304, made once however many readers ask at once. */
@ArchiveIntegrationTest
class DownloadsTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Downloads downloads;

    @Autowired
    EditionRevisions revisions;

    @Autowired
    EpubWriter epub;

    @Autowired
    PdfEditions pdf;

    @Autowired
    DownloadFiles files;

    private final HttpClient http = HttpClient.newHttpClient();
    private PageFetcher pages;
    @RegisterExtension
    static final PublishedEditionsFixture editions = new PublishedEditionsFixture();

    @BeforeEach
    void setUp() {
        pages = new PageFetcher(port);
    }

    private HttpResponse<byte[]> fetch(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(pages.base() + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void everyEditionPageListsItsFilesWithTheirSizesAndChecksums() throws Exception {
        for (var edition : editions.all()) {
            Document page = pages.page("/" + edition.language() + "/" + edition.work());
            List<Element> files = page.select(".downloads li");
            assertThat(files).as(edition.toString()).hasSize(4);
            assertThat(files.stream().map(f -> f.selectFirst("a").attr("href")).toList()).containsExactly(
                    "/" + edition.language() + "/" + edition.work() + ".epub", "/" + edition.language() + "/" + edition.work() + ".pdf",
                    "/" + edition.language() + "/" + edition.work() + ".booklet.pdf", "/" + edition.language() + "/" + edition.work() + ".md");
            for (Element file : files) {
                HttpResponse<byte[]> response = fetch(file.selectFirst("a").attr("href"));
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(file.selectFirst(".checksum code").text())
                        .isEqualTo(HexFormat.of().formatHex(Sha256.digest().digest(response.body())));
                assertThat(file.selectFirst(".download-size").text()).matches("[\\d.,]+ (KB|MB|КБ|МБ)");
                assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
            }
        }
    }

    @Test
    void theDownloadsSpeakTheEditionsLanguage() throws Exception {
        Document russian = pages.page("/ru/" + editions.work());
        assertThat(russian.selectFirst("#downloads-title").text())
                .isEqualTo(context.getMessage("downloads.title", null, java.util.Locale.forLanguageTag("ru")));
        Document italian = pages.page("/it/" + editions.work());
        assertThat(italian.selectFirst("#downloads-title").text()).isEqualTo("Scarica");
        assertThat(russian.selectFirst("#downloads-title").text()).isNotEqualTo("Scarica");
    }

    @Test
    void aDownloadIsAnsweredWithItsETagAndThen304() throws Exception {
        for (String extension : List.of("epub", "pdf", "booklet.pdf", "md")) {
            String path = "/ru/" + editions.work() + "." + extension;
            HttpResponse<byte[]> first = fetch(path);
            assertThat(first.statusCode()).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(first.headers().firstValue("Last-Modified")).isPresent();
            assertThat(first.headers().firstValue("Repr-Digest").orElseThrow())
                    .isEqualTo("sha-256=:" + java.util.Base64.getEncoder().encodeToString(Sha256.digest().digest(first.body())) + ":");
            HttpResponse<byte[]> again = fetch(path, "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(fetch(path).body()).isEqualTo(first.body());
        }
        assertThat(fetch("/ru/" + editions.work() + ".epub").headers().firstValue("Content-Type").orElseThrow()).startsWith("application/epub+zip");
        assertThat(fetch("/ru/" + editions.work() + ".pdf").headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
    }

    @Test
    void manyReadersAtOnceGetTheOneFileMadeOnce() throws Exception {
        EditionRevision published = revisions.published("it", "kazakistan-dopo-la-rivolta").orElseThrow();
        // a revision no one has asked for yet, so that the build happens while the readers wait
        EditionRevision fresh = new EditionRevision(published.edition(), Instant.now().plusSeconds(3600), published.markdown());
        long before = downloads.builds();
        int readers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<Download>> answers = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return downloads.of(fresh, DownloadFormat.PDF);
                }));
            }
            start.countDown();
            Download first = answers.getFirst().get();
            for (Future<Download> answer : answers) {
                assertThat(answer.get()).isSameAs(first);
            }
            assertThat(downloads.of(fresh, DownloadFormat.PDF)).isSameAs(first);
            assertThat(downloads.builds() - before).isGreaterThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFileBeyondTheMemoryBoundIsDroppedFromMemoryAndReadBackFromDiskNotMadeAgain() {
        EditionRevision published = revisions.published("it", "kazakistan-dopo-la-rivolta").orElseThrow();
        EditionRevision fresh = new EditionRevision(published.edition(), Instant.now().plusSeconds(7200), published.markdown());

        Downloads tight = new Downloads(revisions, epub, pdf, files, 1);
        Download made = tight.of(fresh, DownloadFormat.MARKDOWN);
        assertThat(tight.keptBytes()).isZero();
        Download again = tight.of(fresh, DownloadFormat.MARKDOWN);
        assertThat(again).isNotSameAs(made);
        assertThat(again.bytes()).isEqualTo(made.bytes());
        assertThat(again.sha256()).isEqualTo(made.sha256());
        assertThat(tight.builds()).isEqualTo(1);

        Downloads roomy = new Downloads(revisions, epub, pdf, files, made.size());
        Download kept = roomy.of(fresh, DownloadFormat.MARKDOWN);
        assertThat(roomy.keptBytes()).isEqualTo(made.size());
        assertThat(roomy.of(fresh, DownloadFormat.MARKDOWN)).isSameAs(kept);
        assertThat(roomy.builds()).isZero();
    }

    @Test
    void theFilesKeptInMemoryTakeAtMostAnEighthOfTheHeap() {
        assertThat(downloads.maxBytes()).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() / 8);
    }

    @Test
    void theMarkdownSourceIsTheTextAsTheEditorsWroteIt() throws Exception {
        HttpResponse<byte[]> source = fetch("/ru/" + editions.work() + ".md");
        assertThat(new String(source.body(), StandardCharsets.UTF_8)).isEqualTo(EditingFixtures.russian(editions.work()));
        assertThat(source.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
    }

    @Test
    void anEditionThatIsNotPublishedHasNoDownloads() throws Exception {
        assertThat(fetch("/xx/" + editions.work() + ".epub").statusCode()).isEqualTo(404);
        assertThat(fetch("/it/no-such-work.pdf").statusCode()).isEqualTo(404);
        assertThat(fetch("/it/" + editions.work() + ".docx").statusCode()).isEqualTo(404);
    }
}
