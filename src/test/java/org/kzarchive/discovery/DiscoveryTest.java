package org.kzarchive.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.publishing.PublishedEditionsFixture;
import org.kzarchive.system.PublicAddress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What search engines and feed readers find: sitemap, robots.txt, Atom feeds, linked data and card tags. */
@ArchiveIntegrationTest
class DiscoveryTest {

    private static final String SEED = "/it/kazakistan-dopo-la-rivolta";

    @Autowired
    MockMvc mvc;

    @Autowired
    PublicAddress address;

    @RegisterExtension
    static final PublishedEditionsFixture editions = new PublishedEditionsFixture();

    private String body(String path, String... headers) throws Exception {
        var request = get(path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private Document xml(String path) throws Exception {
        return Jsoup.parse(body(path), "", Parser.xmlParser());
    }

    @Test
    void theSitemapListsEveryPageOfEveryEditionWithItsOtherLanguages() throws Exception {
        Document sitemap = xml("/sitemap.xml");
        List<String> locations = sitemap.select("url > loc").eachText();
        assertThat(locations).allSatisfy(loc -> assertThat(loc).startsWith(address.base() + "/"));
        for (var edition : editions.all()) {
            assertThat(locations).contains(address.absolute("/" + edition.language() + "/" + edition.work()));
        }
        assertThat(locations).contains(address.absolute(SEED + "/interview"), address.absolute(SEED + "/notes"));
        Element russian = sitemap.select("url").stream()
                .filter(u -> u.selectFirst("loc").text().equals(address.absolute("/ru/" + editions.work()))).findFirst().orElseThrow();
        assertThat(russian.select("xhtml|link").eachAttr("hreflang")).containsExactlyInAnyOrder("it", "ru");
        assertThat(russian.select("xhtml|link[hreflang=it]").attr("href")).isEqualTo(address.absolute("/it/" + editions.work()));
        assertThat(russian.selectFirst("lastmod").text()).matches("\\d{4}-\\d\\d-\\d\\d");
    }

    @Test
    void robotsKeepAdminAndSearchOutAndNameTheSitemap() throws Exception {
        String robots = body("/robots.txt");
        assertThat(robots).contains("User-agent: *", "Disallow: /admin", "Disallow: /search",
                "Sitemap: " + address.absolute("/sitemap.xml"));
    }

    /** The RFC 4287 rules that matter: one id, title, updated and author for the feed; id, title, updated, link for each entry. */
    private static void assertValidAtom(Document feed) {
        Element root = feed.selectFirst("feed");
        assertThat(root.attr("xmlns")).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(root.select("> id")).hasSize(1);
        assertThat(root.select("> title").text()).isNotBlank();
        assertThat(OffsetDateTime.parse(root.selectFirst("> updated").text())).isNotNull();
        assertThat(root.select("> author > name")).hasSize(1);
        assertThat(root.select("> link[rel=self]").attr("href")).startsWith("http");
        Set<String> ids = new HashSet<>();
        for (Element entry : root.select("> entry")) {
            assertThat(ids.add(entry.selectFirst("> id").text())).as("unique entry id").isTrue();
            assertThat(entry.selectFirst("> id").text()).startsWith("urn:uuid:");
            assertThat(entry.select("> title").text()).isNotBlank();
            assertThat(OffsetDateTime.parse(entry.selectFirst("> updated").text())).isNotNull();
            assertThat(entry.select("> link[rel=alternate]").attr("href")).startsWith("http");
            assertThat(entry.select("> summary").text()).isNotBlank();
        }
    }

    @Test
    void theFeedsAreAtomWithAnEntryForEveryNewEditionOrRevision() throws Exception {
        Document all = xml("/feed.atom");
        assertValidAtom(all);
        assertThat(all.select("entry > link").eachAttr("href"))
                .contains(address.absolute(SEED), address.absolute("/it/" + editions.work()), address.absolute("/ru/" + editions.work()));
        Document russian = xml("/ru/feed.atom");
        assertValidAtom(russian);
        assertThat(russian.select("entry")).isNotEmpty();
        assertThat(russian.select("entry > link").eachAttr("hreflang")).containsOnly("ru");
        assertThat(russian.selectFirst("feed").attr("xml:lang")).isEqualTo("ru");
        mvc.perform(get("/xx/feed.atom")).andExpect(status().isNotFound());
    }

    @Test
    void everyPageNamesTheFeedsInItsHead() throws Exception {
        for (String path : List.of("/", SEED, SEED + "/interview", "/search?q=Almaty", "/ru/" + editions.work())) {
            Document page = Jsoup.parse(body(path));
            assertThat(page.select("head link[rel=alternate][type=application/atom+xml]").eachAttr("href")).as(path)
                    .contains(address.absolute("/feed.atom"));
        }
        assertThat(Jsoup.parse(body("/ru/" + editions.work())).select("head link[type=application/atom+xml]").eachAttr("href"))
                .contains(address.absolute("/ru/feed.atom"));
    }

    @Test
    void editionPagesWriteTheirDescriptionInOneKeyOrderSoEveryInstanceServesTheSameBytes() throws Exception {
        // Map.of would order these keys anew in each JVM: two instances, or one before and after a restart,
        // would serve the same revision with different bytes
        String description = Jsoup.parse(body(SEED)).selectFirst("script[type=application/ld+json]").data();
        assertThat(description)
                .contains("\"author\":{\"@type\":\"Organization\",\"name\":\"CrimethInc.\"}")
                .containsPattern("\"publisher\":\\{\"@type\":\"Organization\",\"name\":\"[^\"]+\",\"url\":\"");
    }

    @Test
    void editionPagesDescribeThemselvesAsSchemaOrgArticles() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode seed = json.readTree(Jsoup.parse(body(SEED)).selectFirst("script[type=application/ld+json]").data());
        assertThat(seed.get("@type").asString()).isEqualTo("Article");
        assertThat(seed.get("@id").asString()).isEqualTo(address.absolute(SEED));
        assertThat(seed.get("inLanguage").asString()).isEqualTo("it");
        assertThat(seed.get("author").get("name").asString()).isEqualTo("CrimethInc.");
        assertThat(seed.get("translator").get("name").asString()).isNotBlank();
        assertThat(seed.get("datePublished").asString()).isEqualTo("2022-01-12");
        assertThat(OffsetDateTime.parse(seed.get("dateModified").asString())).isNotNull();
        // the original publication's address, from the work file
        assertThat(seed.get("isBasedOn").asString()).contains("crimethinc.com/2022/01/12/kazakhstan-after-the-uprising");
        assertThat(seed.get("translationOfWork").get("@id").asString()).isEqualTo(seed.get("isBasedOn").asString());

        // the tests' work: the Italian has no translator, so it is the original the Russian was translated from
        JsonNode original = json.readTree(Jsoup.parse(body("/it/" + editions.work())).selectFirst("script[type=application/ld+json]").data());
        JsonNode russian = json.readTree(Jsoup.parse(body("/ru/" + editions.work())).selectFirst("script[type=application/ld+json]").data());
        assertThat(original.get("workTranslation").get(0).get("@id").asString()).isEqualTo(address.absolute("/ru/" + editions.work()));
        assertThat(russian.get("translationOfWork").get("@id").asString()).isEqualTo(address.absolute("/it/" + editions.work()));
        assertThat(russian.get("inLanguage").asString()).isEqualTo("ru");
        assertThat(russian.get("translator").get("name").asString()).isEqualTo("Переводчица Ёлкина");
    }

    @Test
    void editionPagesCarryOpenGraphAndTwitterTags() throws Exception {
        Document page = Jsoup.parse(body("/ru/" + editions.work()));
        assertThat(page.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo("Проверка архива");
        assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo(address.absolute("/ru/" + editions.work()));
        assertThat(page.select("meta[property=og:locale]").attr("content")).isEqualTo("ru");
        assertThat(page.select("meta[property=og:locale:alternate]").eachAttr("content")).contains("it");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
        assertThat(page.select("meta[name=twitter:title]").attr("content")).isEqualTo("Проверка архива");
    }

    @Test
    void theHostARequestNamesNeverChangesThePagesLinks() throws Exception {
        for (String path : List.of(SEED, "/sitemap.xml", "/feed.atom", "/opensearch.xml", "/robots.txt")) {
            String page = body(path, "Host", "evil.example", "X-Forwarded-Host", "evil.example");
            assertThat(page).as(path).doesNotContain("evil.example").contains(address.base());
        }
    }
}
