package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.reading.PageFetcher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The search page over the real Italian text, as a reader's browser gets it. */
@ArchiveIntegrationTest
class SearchPageTest {

    static final String ENGLISH_TEST_TEXT = """
            ---
            work: prova-di-ricerca
            language: en
            title: A search test
            ---

            In Almaty the protesters gathered near the Akimat; President Tokayev called them terrorists.[^1]

            ::: figure date=2022-01-05
            Almaty, 5 January: smoke over the square.
            :::

            ## The interview {#interview}

            Q: What did you see in Almaty?

            A: We saw the Akimat burning. Someone wrote &lt;script&gt;alert(1)&lt;/script&gt; on a wall.

            [^1]: A note about Almaty.

            ::: timeline
            - 2022-01-05 | The Akimat of Almaty burns | note-1
            :::
            """;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private PageFetcher pages;

    @BeforeEach
    void setUp() {
        pages = new PageFetcher(port);
    }

    private Document search(String q) throws Exception {
        return pages.page("/search?q=" + encode(q));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> excerpts(Document page) {
        return page.select(".result .excerpt").eachText();
    }

    private static long count(Document page, String facet, String value) {
        Element item = page.selectFirst(".facets li[data-" + facet + "=" + value + "] .count");
        return item == null ? 0 : Long.parseLong(item.text());
    }

    @Test
    void manifestanteFindsManifestantiAndMarksThem() throws Exception {
        Document page = search("manifestante");
        assertThat(page.select(".result")).isNotEmpty();
        assertThat(page.select(".result .excerpt mark").eachText()).contains("manifestanti");
        assertThat(page.select(".total").text()).matches("\\d+ passi trovati.*");
    }

    @Test
    void akimatFindsDellAkimat() throws Exception {
        Document page = search("Akimat");
        assertThat(page.select(".result .excerpt").html()).contains("<mark>dell’Akimat</mark>");
    }

    @Test
    void tokaevFindsTheTokayevSpellingToo() throws Exception {
        Document page = search("Tokaev");
        assertThat(page.select(".result .excerpt mark").eachText()).contains("Tokaev", "Tokayev");
    }

    @Test
    void resultsShowWorkSectionKindLanguageAndLinkToThePassage() throws Exception {
        Element result = search("Zhanaozen").selectFirst(".result");
        assertThat(result).isNotNull();
        assertThat(result.select(".result-work").text()).isEqualTo("Il Kazakistan dopo la rivolta");
        assertThat(result.select(".result-language").text()).isEqualTo("Italiano");
        assertThat(result.select(".result-kind").text()).isNotBlank();
        assertThat(result.select(".result-title").text()).isNotBlank();
        assertThat(result.select(".result-title a").attr("href")).startsWith("/it/kazakistan-dopo-la-rivolta");
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=Almaty", "q=Almaty&page=2", "q=manifestante", "q=Tokaev", "q=Nazarbayev",
            "q=gennaio&kind=timeline", "q=1986&kind=footnote", "q=Almaty&kind=caption", "q=Akimat&kind=interview",
            "q=polizia OR esercito"})
    void everyResultLinkLeadsToAnExistingElement(String query) throws Exception {
        Document results = pages.page("/search?" + query.replace(" ", "+"));
        List<String> links = results.select(".result-title a").eachAttr("href");
        assertThat(links).as(query).isNotEmpty();
        Map<String, Document> targets = new HashMap<>();
        for (String link : links) {
            String path = link.substring(0, link.indexOf('#'));
            String id = link.substring(link.indexOf('#') + 1);
            Document target = targets.computeIfAbsent(path, p -> {
                try {
                    return pages.page(p);
                } catch (Exception e) {
                    throw new AssertionError(p, e);
                }
            });
            assertThat(target.getElementById(id)).as(query + " → " + link).isNotNull();
        }
    }

    @Test
    void kindFacetsCountPerKindAndFilter() throws Exception {
        Document all = search("Almaty");
        long captions = count(all, "kind", "caption");
        long interview = count(all, "kind", "interview");
        assertThat(captions).isPositive();
        assertThat(interview).isPositive();
        Element captionLink = all.selectFirst(".facets li[data-kind=caption] a");
        assertThat(captionLink.attr("href")).isEqualTo("/search?q=Almaty&kind=caption");

        Document onlyCaptions = pages.page(captionLink.attr("href"));
        assertThat(onlyCaptions.select(".result").eachAttr("data-kind")).isNotEmpty().containsOnly("caption");
        assertThat(onlyCaptions.select(".result .result-kind").eachText()).containsOnly("Didascalia");
        assertThat(onlyCaptions.select(".total").text()).startsWith(captions + " passi");
        // the selected facet links back to all kinds, and the other counts stay visible
        assertThat(onlyCaptions.select(".facets li[data-kind=caption] a").attr("aria-current")).isEqualTo("true");
        assertThat(onlyCaptions.select(".facets li[data-kind=caption] a").attr("href")).isEqualTo("/search?q=Almaty");
        assertThat(count(onlyCaptions, "kind", "interview")).isEqualTo(interview);
    }

    @Test
    void languageFacetsCountPerLanguageAndFilter() throws Exception {
        ArchiveWrites writes = new ArchiveWrites(context);
        // the content folder holds an English edition too: the test text adds its five passages to it
        long englishBefore = count(search("Almaty"), "language", "en");
        long english = writes.publish(ENGLISH_TEST_TEXT);
        try {
            Document all = search("Almaty");
            assertThat(count(all, "language", "it")).isPositive();
            assertThat(count(all, "language", "en")).isEqualTo(englishBefore + 5);
            assertThat(all.select(".facets li[data-language=en] a").text()).isEqualTo("English");

            Document onlyEnglish = pages.page(all.select(".facets li[data-language=en] a").attr("href"));
            assertThat(onlyEnglish.select(".result").eachAttr("data-language")).isNotEmpty().containsOnly("en");
            assertThat(onlyEnglish.select("html").attr("lang")).as("the interface follows lang").isEqualTo("en");
            assertThat(pages.page("/search?q=Almaty+smoke&lang=en").select(".result-work").eachText()).contains("A search test");

            Document onlyItalian = pages.page("/search?q=Almaty&lang=it");
            assertThat(onlyItalian.select(".result").eachAttr("data-language")).isNotEmpty().containsOnly("it");
            assertThat(count(onlyItalian, "language", "en")).as("other languages keep their counts").isEqualTo(englishBefore + 5);
        } finally {
            writes.delete(english);
        }
    }

    @Test
    void pagesOfResultsLinkToEachOther() throws Exception {
        Document first = search("Almaty");
        assertThat(first.select(".result")).hasSize(10);
        assertThat(first.select(".results").attr("start")).isEqualTo("1");
        assertThat(first.select(".pagination a[rel=prev]")).isEmpty();
        String next = first.select(".pagination a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/search?q=Almaty&page=2");
        assertThat(first.select(".pagination a[aria-current=page]").text()).isEqualTo("1");

        Document second = pages.page(next);
        assertThat(second.select(".results").attr("start")).isEqualTo("11");
        assertThat(second.select(".pagination a[rel=prev]").attr("href")).isEqualTo("/search?q=Almaty");
        Set<String> firstLinks = new HashSet<>(first.select(".result-title a").eachAttr("href"));
        assertThat(second.select(".result-title a").eachAttr("href")).isNotEmpty().noneMatch(firstLinks::contains);

        Document lastPage = second;
        for (int i = 0; i < 100 && !lastPage.select(".pagination a[rel=next]").isEmpty(); i++) {
            lastPage = pages.page(lastPage.select(".pagination a[rel=next]").attr("href"));
        }
        assertThat(lastPage.select(".pagination a[rel=next]")).isEmpty();
        assertThat(lastPage.select(".result")).isNotEmpty();
    }

    @Test
    void aMisspellingGetsADidYouMeanThatFindsSomething() throws Exception {
        Document page = search("Almatu");
        assertThat(page.select(".result")).isEmpty();
        Element suggestion = page.selectFirst(".did-you-mean a");
        assertThat(suggestion).isNotNull();
        assertThat(suggestion.text()).isEqualToIgnoringCase("Almaty");
        assertThat(pages.page(suggestion.attr("href")).select(".result")).isNotEmpty();
    }

    @Test
    void anEmptyQueryExplainsHowToSearch() throws Exception {
        for (String path : List.of("/search", "/search?q=", "/search?q=+++")) {
            Document page = pages.page(path);
            assertThat(page.select(".results, .result, .total")).as(path).isEmpty();
            assertThat(page.select("main form[role=search] input[name=q]")).as(path).hasSize(1);
            assertThat(page.select("details.search-help[open] dt")).as(path).hasSize(5);
            assertThat(page.select("details.search-help").text()).contains("\"Shal ket\"", "-Tokayev", "OR", "manifest*");
        }
    }

    @Test
    void resultsAreNotForSearchEnginesAndKeepTheQueryInTheSearchBox() throws Exception {
        Document page = search("Almaty -Tokayev");
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(page.select("header form[role=search] input[name=q]").val()).isEqualTo("Almaty -Tokayev");
        assertThat(page.select("link[rel=search]").attr("href")).isEqualTo("/opensearch.xml");
        assertThat(page.select("details.search-help")).hasSize(1);
        assertThat(page.select("details.search-help[open]")).isEmpty();
    }

    @Test
    void theEnglishInterfaceTranslatesNotices() throws Exception {
        Document page = pages.page("/search?q=%22Almaty&lang=en");
        assertThat(page.select(".notices li").text()).contains("closing quote");
        Document italian = pages.page("/search?q=%22Almaty");
        assertThat(italian.select(".notices li").text()).contains("virgoletta");
    }

    @Test
    void textThatLooksLikeMarkupIsShownAsText() throws Exception {
        ArchiveWrites writes = new ArchiveWrites(context);
        long english = writes.publish(ENGLISH_TEST_TEXT);
        try {
            HttpResponse<String> response = pages.response("/search?q=alert&lang=en");
            Document page = Jsoup.parse(response.body());
            assertThat(page.select(".result .excerpt").text()).contains("<script>alert(1)</script>");
            assertThat(page.select("main script")).isEmpty();
            assertThat(response.body()).contains("&lt;script&gt;").doesNotContain("<script>alert");
        } finally {
            writes.delete(english);
        }
    }

    static Stream<Arguments> hostileQueries() {
        String tenThousand = "Almaty ".repeat(1500).substring(0, 10_000);
        List<Arguments> queries = new ArrayList<>(List.of(
                Arguments.of("q=" + encode("\"Almaty"), "virgoletta"),
                Arguments.of("q=" + encode("Almaty \"Tokayev"), "virgoletta"),
                Arguments.of("q=" + encode("((Almaty"), "parentesi"),
                Arguments.of("q=" + encode("Almaty))"), "parentesi"),
                Arguments.of("q=" + encode("OR"), "OR"),
                Arguments.of("q=" + encode("AND NOT"), "OR"),
                Arguments.of("q=" + encode("Almaty OR"), "OR"),
                Arguments.of("q=" + encode("-"), "meno"),
                Arguments.of("q=" + encode("-Almaty"), "escludere"),
                Arguments.of("q=" + encode("*"), null),
                Arguments.of("q=" + encode("a*"), "asterisco"),
                Arguments.of("q=" + encode("\\"), null),
                Arguments.of("q=" + encode("\\\\Almaty\\"), null),
                Arguments.of("q=" + encode("Almaty\u0000\u0001\u0007\u001b\u202eTokayev"), null),
                Arguments.of("q=" + encode("title:Almaty~2^10 [a TO z] /re.*gex/ {!lucene}"), null),
                Arguments.of("q=" + encode("<script>alert(1)</script>"), null),
                Arguments.of("q=" + encode("' OR 1=1; drop table translation; --"), null),
                Arguments.of("q=" + encode("🔥🔥🔥"), null),
                Arguments.of("q=" + encode("%&+#?="), null),
                Arguments.of("q=" + encode(tenThousand), "troppo lunga"),
                Arguments.of("q=" + "x".repeat(10_000), "troppo lunga"),
                Arguments.of("q=", null),
                Arguments.of("", null),
                Arguments.of("q=%ZZ", "codificati male"),
                Arguments.of("q=%C3%28Almaty", "codificati male"),
                Arguments.of("q=Almaty&q=Tokayev", null),
                Arguments.of("q=Almaty&page=0", "numero di pagina"),
                Arguments.of("q=Almaty&page=-1", "numero di pagina"),
                Arguments.of("q=Almaty&page=abc", "numero di pagina"),
                Arguments.of("q=Almaty&page=1.5", "numero di pagina"),
                Arguments.of("q=Almaty&page=99999999999999999999999", "ultima"),
                Arguments.of("q=Almaty&page=2147483647", "ultima"),
                Arguments.of("q=Almaty&kind=bogus", "tipo di passo"),
                Arguments.of("q=Almaty&kind=" + encode("<b>"), "tipo di passo"),
                Arguments.of("q=Almaty&lang=zz", "lingua"),
                Arguments.of("q=Almaty&lang=" + encode("../../etc"), "lingua"),
                Arguments.of("q=Almaty&lang=" + "e".repeat(500), "lingua")));
        return queries.stream();
    }

    /**
     * Sends the address exactly as given, broken escapes included (java.net.URI would refuse them),
     * over HTTP/1.0 so that the body comes back in one piece.
     */
    private String[] rawGet(String pathAndQuery) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.0\r\nHost: localhost:" + port
                    + "\r\nAccept: text/html\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String status = response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4);
            int bodyStart = response.indexOf("\r\n\r\n");
            return new String[] {status, bodyStart < 0 ? "" : response.substring(bodyStart + 4)};
        }
    }

    @ParameterizedTest
    @MethodSource("hostileQueries")
    void anyInputGetsThePageWithAMessageNeverAnError(String query, String expectedMessage) throws Exception {
        String[] response = rawGet("/search?" + query);
        String shown = query.length() > 80 ? query.substring(0, 80) + "…" : query;
        assertThat(response[0]).as(shown).isEqualTo("200");
        assertThat(response[1]).as(shown).doesNotContain("Exception", "at org.", "at java.");
        Document page = Jsoup.parse(response[1]);
        boolean saysSomething = !page.select(".notices li").isEmpty() || !page.select(".total").isEmpty()
                || !page.select("details.search-help[open]").isEmpty();
        assertThat(saysSomething).as(shown + " tells the reader something").isTrue();
        if (expectedMessage != null) {
            assertThat(page.select(".notices").text()).as(shown).containsIgnoringCase(expectedMessage);
        }
        assertThat(page.select("main script")).isEmpty();
    }

    @Test
    void theOpenSearchDescriptionIsValidXmlWithTheSearchAddress() throws Exception {
        HttpResponse<String> response = pages.response("/opensearch.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/opensearchdescription+xml");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var xml = factory.newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        var root = xml.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("OpenSearchDescription");
        assertThat(root.getNamespaceURI()).isEqualTo("http://a9.com/-/spec/opensearch/1.1/");
        assertThat(root.getElementsByTagNameNS("*", "ShortName").item(0).getTextContent()).hasSizeLessThanOrEqualTo(16);
        var url = (org.w3c.dom.Element) root.getElementsByTagNameNS("*", "Url").item(0);
        assertThat(url.getAttribute("type")).isEqualTo("text/html");
        assertThat(url.getAttribute("template")).isEqualTo(pages.base() + "/search?q={searchTerms}");
    }
}
