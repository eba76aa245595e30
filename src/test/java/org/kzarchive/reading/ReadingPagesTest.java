package org.kzarchive.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzarchive.ArchiveIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

@ArchiveIntegrationTest
class ReadingPagesTest {

    private static final String TEXT = "/it/kazakistan-dopo-la-rivolta";

    @LocalServerPort
    int port;

    private PageFetcher pages;

    @BeforeEach
    void setUp() {
        pages = new PageFetcher(port);
    }

    /** The seed's lines as a reader should find them: web-page leftovers dropped, note numbers taken out. */
    private static List<String> seedLines() throws IOException {
        String seed = new ClassPathResource("seed-it.txt").getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : seed.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.equals(":") || line.equals("Categories:")) {
                continue;
            }
            lines.add(normalize(line
                    .replace("massacro,1 e", "massacro, e")
                    .replace("in città2, quindi", "in città, quindi")
                    .replace("nel 2019.3 Sono", "nel 2019. Sono")
                    .replace("“saccheggiatori”. 4", "“saccheggiatori”.")
                    .replaceFirst("^[1-4]\\.\\s+", "")));
        }
        return lines;
    }

    private static String normalize(String text) {
        return text.replaceAll("[\\s\u00A0]+", " ").strip();
    }

    private static String readerText(Document page) {
        Element main = Objects.requireNonNull(page.selectFirst("main")).clone();
        main.select("sup.fnref, .block-links, .backrefs, .figure-meta, .note-label").remove();
        return normalize(main.text());
    }

    @Test
    void everyParagraphCaptionQuestionAnswerAndNoteOfTheSeedIsOnTheFullTextPage() throws Exception {
        String text = readerText(pages.page(TEXT));
        List<String> missing = seedLines().stream().filter(line -> !text.contains(line)).toList();
        assertThat(missing).isEmpty();
        assertThat(seedLines()).hasSizeGreaterThan(140);
    }

    @Test
    void theFullTextHasTitleCreditsContentsAndTheRightLanguage() throws Exception {
        Document page = pages.page(TEXT);
        assertThat(page.select("html").attr("lang")).isEqualTo("it");
        assertThat(page.title()).isEqualTo("Il Kazakistan dopo la rivolta");
        assertThat(page.select("meta[name=description]").attr("content")).startsWith("Dopo la nostra copertura");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(pages.base() + TEXT);
        assertThat(page.select("h1").text()).isEqualTo("Il Kazakistan dopo la rivolta");
        assertThat(page.select(".subtitle").text()).isEqualTo("Testimonianze oculari di Almaty; Analisi degli anarchici russi");
        assertThat(page.select(".credits").text()).contains("CrimethInc.", "12 gennaio 2022");
        assertThat(page.select(".toc li a")).extracting(Element::text).contains(
                "La prigione delle nazioni", "Intervista: Testimonianza oculare di anarchici ad Almaty.", "Note");
        assertThat(page.select("form[role=search] input[name=q]")).hasSize(1);
        assertThat(page.select("blockquote.quotation")).hasSize(31);
        assertThat(page.select("figure.figure")).hasSize(16);
    }

    @Test
    void everyBlockCarriesAPermalinkToItself() throws Exception {
        Document page = pages.page(TEXT);
        var blocks = page.select(".block");
        assertThat(blocks).hasSizeGreaterThan(100);
        for (Element block : blocks) {
            assertThat(block.select("> .block-links > a.permalink").attr("href")).isEqualTo("#" + block.id());
        }
    }

    @Test
    void footnoteReferencesAndNotesLinkToEachOtherBothWays() throws Exception {
        Document page = pages.page(TEXT);
        var references = page.select("sup.fnref a");
        assertThat(references).extracting(Element::text).containsExactly("1", "2", "3", "4");
        for (Element ref : references) {
            Element note = page.getElementById(ref.attr("href").substring(1));
            assertThat(note).as("note for " + ref.id()).isNotNull();
            assertThat(note.select("a.backref").eachAttr("href")).contains("#" + ref.id());
        }
        for (Element backref : page.select("a.backref")) {
            assertThat(page.getElementById(backref.attr("href").substring(1))).isNotNull();
        }
        assertThat(page.getElementById("note-1").select(".note-text").text()).startsWith("Dal 17 al 19 dicembre 1986");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/interview", "/timeline", "/photos", "/notes"})
    void everyIdOnEveryPageIsUnique(String page) throws Exception {
        List<String> ids = pages.page(TEXT + page).select("[id]").eachAttr("id");
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/interview", "/timeline", "/photos", "/notes"})
    void everyInternalLinkLeadsToAnExistingAnchor(String path) throws Exception {
        Document page = pages.page(TEXT + path);
        Document fullText = pages.page(TEXT);
        for (Element link : page.select("a[href*=#]")) {
            String href = link.attr("href");
            String target = href.substring(href.indexOf('#') + 1);
            Document where = href.startsWith("#") ? page : fullText;
            assertThat(where.getElementById(target)).as(path + " link " + href).isNotNull();
        }
    }

    @Test
    void theInterviewPageShowsTheEightQuestionsEachWithItsAnswer() throws Exception {
        Document page = pages.page(TEXT + "/interview");
        var exchanges = page.select("section.exchange");
        assertThat(exchanges).hasSize(8);
        assertThat(exchanges.get(0).select(".question").text()).contains("Presentatevi e diteci da quale situazione ci state parlando.");
        for (Element exchange : exchanges) {
            assertThat(exchange.select(".question")).hasSize(1);
            assertThat(exchange.select(".answer")).isNotEmpty();
        }
        assertThat(page.select(".answer").text()).contains("Siamo due anarchiche del Kazakistan");
        assertThat(page.select("blockquote.quotation").text()).contains("Io ed altre migliaia di persone");
        assertThat(page.title()).isEqualTo("Intervista · Il Kazakistan dopo la rivolta");
    }

    @Test
    void theTimelineRunsInDateOrderAndEachEventLinksToItsPassage() throws Exception {
        Document page = pages.page(TEXT + "/timeline");
        var events = page.select("ol.timeline > li");
        assertThat(events).hasSize(27);
        List<String> dates = events.select("time").eachAttr("datetime");
        assertThat(dates).isSorted();
        assertThat(dates.get(0)).isEqualTo("1986-12-17");
        assertThat(events.get(0).select("time").text()).isEqualTo("17–19 dicembre 1986");
        assertThat(dates).contains("2011-12", "2016-06", "2022-01-01", "2022-01-10");
        assertThat(events.select("a").eachAttr("href")).allMatch(h -> h.startsWith(TEXT + "#"));
    }

    @Test
    void thePhotosPageListsEveryFigureWithCaptionDateCreditAndPlace() throws Exception {
        Document page = pages.page(TEXT + "/photos");
        var figures = page.select("ol.photo-list > li");
        assertThat(figures).hasSize(16);
        assertThat(figures.select(".credit").eachText()).hasSize(3).allMatch(c -> c.equals("Foto: Zhanabergen Talgat"));
        assertThat(figures.get(0).select("time").attr("datetime")).isEqualTo("2022-01-06");
        assertThat(figures.get(0).select("a").attr("href")).isEqualTo(TEXT + "#" + figures.get(0).id());
        assertThat(page.select("img")).as("the seed has no image files").isEmpty();
    }

    @Test
    void theNotesPageLinksEachNoteBackToWhereItIsCited() throws Exception {
        Document page = pages.page(TEXT + "/notes");
        var notes = page.select("ol.notes-list > li");
        assertThat(notes).extracting(Element::id).containsExactly("note-1", "note-2", "note-3", "note-4");
        assertThat(notes.select(".backrefs a").eachAttr("href"))
                .containsExactly(TEXT + "#ref-1", TEXT + "#ref-2", TEXT + "#ref-3", TEXT + "#ref-4");
    }

    @Test
    void theHomePageListsTheWorkAndItsLanguages() throws Exception {
        Document page = pages.page("/");
        assertThat(page.select(".work-card h3 a").attr("href")).isEqualTo(TEXT);
        assertThat(page.select(".work-card").text()).contains("Il Kazakistan dopo la rivolta", "Italiano");
        assertThat(page.select("html").attr("lang")).isEqualTo("it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/xx/kazakistan-dopo-la-rivolta", "/it/non-esiste", "/it/kazakistan-dopo-la-rivolta/altro",
            "/it/kazakistan-dopo-la-rivolta/interview/2", "/questa/pagina/non/esiste", "/IT/Kazakistan"})
    void unknownLanguagesWorksAndPagesGetAHelpful404(String path) throws Exception {
        var response = pages.response(path);
        assertThat(response.statusCode()).isEqualTo(404);
        String html = response.body();
        assertThat(html).contains("Pagina non trovata", "href=\"/\"", "action=\"/search\"").doesNotContain("Exception");
    }

    @Test
    void aFragmentLinkFromTheTimelinePointsIntoTheSameTextAsTheBlockIds() throws Exception {
        Set<String> fullTextIds = new HashSet<>(pages.page(TEXT).select("[id]").eachAttr("id"));
        assertThat(fullTextIds).contains("akimat-in-fiamme", "aktobe-2016", "note-1", "ref-1", "intervista-1");
    }
}
