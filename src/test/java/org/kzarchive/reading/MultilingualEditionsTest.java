package org.kzarchive.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.archive.BlockKind;
import org.kzarchive.archive.NoteKind;
import org.kzarchive.importing.ParsedTranslation;
import org.kzarchive.importing.TranslationParser;

import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationChanged;
import org.kzarchive.archive.TranslationOrigin;
import org.kzarchive.importing.TranslationRenderer;
import org.kzarchive.importing.TranslationWriter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The Italian, English and Russian editions of the content folder, as readers get them, alone and side by side. */
@ArchiveIntegrationTest
class MultilingualEditionsTest {

    private static final String WORK = "kazakistan-dopo-la-rivolta";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private PageFetcher pages;

    @BeforeEach
    void setUp() {
        pages = new PageFetcher(port);
    }

    private static ParsedTranslation file(String language) throws Exception {
        Path path = Path.of("content", language, WORK + ".md");
        return new TranslationParser().parse(path.toString(), Files.readString(path));
    }

    /** Every key of an edition: headings, blocks (each key a merged block renders), timeline events, the author's notes. */
    private static Set<String> keys(ParsedTranslation parsed) {
        Set<String> keys = new HashSet<>();
        parsed.sections().stream().filter(s -> s.title() != null).forEach(s -> keys.add(s.anchor()));
        parsed.blocks().forEach(b -> keys.addAll(b.keys()));
        parsed.timeline().forEach(e -> keys.add(e.key()));
        parsed.footnotes().stream().filter(f -> f.kind() == NoteKind.AUTHOR).forEach(f -> keys.add(f.anchor()));
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void everyKeyOfTheItalianReferenceHasItsCounterpartInTheTranslation(String language) throws Exception {
        Set<String> reference = keys(file("it"));
        Set<String> translation = keys(file(language));
        assertThat(reference).hasSizeGreaterThan(150);
        assertThat(translation).as("keys of the reference the %s edition lacks", language).containsAll(reference);
        assertThat(reference).as("keys of the %s edition the reference lacks", language).containsAll(translation);
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en", "ru"})
    void everyBlockHeadingAndNoteOfTheFileIsOnTheFullTextPageInItsLanguage(String language) throws Exception {
        ParsedTranslation parsed = file(language);
        Document page = pages.page("/" + language + "/" + WORK);
        assertThat(page.select("html").attr("lang")).isEqualTo(language);
        assertThat(page.select("h1").text()).isEqualTo(parsed.metadata().title());
        for (ParsedTranslation.Block block : parsed.blocks()) {
            Element element = page.getElementById(block.anchor());
            assertThat(element).as("block %s", block.anchor()).isNotNull();
            String words = words(block.markdown().replaceAll("\\[\\^[^\\]]+]", "").replaceAll("\\]\\([^)]*\\)", ""));
            String start = words.length() > 30 ? words.substring(0, 30) : words;
            assertThat(words(element.text())).as("text of %s", block.anchor())
                    .contains(start.substring(0, start.lastIndexOf(' ') > 0 ? start.lastIndexOf(' ') : start.length()));
        }
        for (ParsedTranslation.Section section : parsed.sections()) {
            assertThat(page.getElementById(section.anchor())).as("section %s", section.anchor()).isNotNull();
        }
        for (ParsedTranslation.Footnote note : parsed.footnotes()) {
            assertThat(page.getElementById(note.anchor())).as("note %s", note.label()).isNotNull();
        }
    }

    /** Letters, digits and single spaces: what Markdown and HTML render alike. */
    private static String words(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en", "ru"})
    void theInterviewTimelinePhotosAndNotesPagesHoldEveryPartOfTheirKind(String language) throws Exception {
        ParsedTranslation parsed = file(language);
        String base = "/" + language + "/" + WORK;
        Document interview = pages.page(base + "/interview");
        parsed.blocks().stream().filter(b -> b.exchange() != null)
                .forEach(b -> assertThat(interview.getElementById(b.anchor())).as("interview block %s", b.anchor()).isNotNull());
        assertThat(interview.select(".block.question")).hasSize(8);
        Document timeline = pages.page(base + "/timeline");
        assertThat(timeline.select("ol.timeline > li").eachAttr("id"))
                .containsExactlyInAnyOrderElementsOf(parsed.timeline().stream().map(ParsedTranslation.TimelineEntry::key).toList());
        Document photos = pages.page(base + "/photos");
        assertThat(photos.select("ol.photo-list > li")).hasSize(parsed.count(BlockKind.FIGURE));
        Document notes = pages.page(base + "/notes");
        assertThat(notes.select("ol.notes-list > li").eachAttr("id")).containsExactly("note-1", "note-2", "note-3", "note-4");
    }

    @Test
    void theTimelineMarksEveryDateThatComesFromOutsideTheText() throws Exception {
        for (String language : List.of("it", "en", "ru")) {
            Document timeline = pages.page("/" + language + "/" + WORK + "/timeline");
            Set<String> marked = timeline.select("li.outside-text").eachAttr("id").stream().collect(Collectors.toSet());
            assertThat(marked).as(language).containsExactlyInAnyOrder("ev-gpl-prezzo", "ev-zhanaozen-proteste",
                    "ev-stato-di-emergenza", "ev-sparare-senza-preavviso", "ev-2022-01-06", "ev-2019-06", "ev-2019-04-21");
            assertThat(timeline.select("li.outside-text .visually-hidden").first().text()).isNotBlank();
            assertThat(timeline.select(".timeline-legend")).hasSize(1);
        }
        Document italian = pages.page("/it/" + WORK + "/timeline");
        assertThat(italian.getElementById("ev-2022-01-05-2").text()).contains("L'intervistata e una persona amica")
                .doesNotContain("Due anarchiche");
        assertThat(italian.getElementById("ev-2022-01-10-2").text()).contains("Dal 10 gennaio");
    }

    @ParameterizedTest
    @CsvSource({"it, Nota dell’archivio, dicembre 2011", "en, Archive’s note, December 2011", "ru, Archive’s note, декабре 2011"})
    void theArchivesEditorialNotesAreShownInEveryEditionDistinctFromTheAuthorsNotes(String language, String label, String fact)
            throws Exception {
        Document page = pages.page("/" + language + "/" + WORK);
        Element zhanaozen = page.getElementById("nota-zhanaozen-2011");
        assertThat(zhanaozen).isNotNull();
        assertThat(zhanaozen.tagName()).isEqualTo("aside");
        assertThat(zhanaozen.hasClass("editorial")).isTrue();
        assertThat(zhanaozen.text()).contains(fact);
        assertThat(page.getElementById("nota-csto-contingenti").text()).contains("100", "200");
        assertThat(page.select("#note-1 aside, .notes-list .editorial")).isEmpty();
        if (!language.equals("ru")) { // the Russian interface labels come with the Russian message bundle
            assertThat(zhanaozen.select(".editorial-label").text()).isEqualTo(label);
        }
        // the interview shows the note beside the answer it is about
        assertThat(pages.page("/" + language + "/" + WORK + "/interview").getElementById("nota-zhanaozen-2011")).isNotNull();
    }

    @Test
    void theWorksFactsComeFromItsWorkFileAndEachTranslationSaysWhatItWasTranslatedFrom() throws Exception {
        Document english = pages.page("/en/" + WORK);
        assertThat(english.select(".credits").text()).contains("CrimethInc.", "from the Italian edition", "eu.crimethinc.com");
        Document italian = pages.page("/it/" + WORK);
        assertThat(italian.select(".credits").text()).contains("CrimethInc.", "inglese");
    }

    @ParameterizedTest
    @CsvSource({"it, en", "en, ru", "ru, it", "en, it", "it, ru"})
    void twoEditionsStandSideBySideOneRowPerPassage(String left, String right) throws Exception {
        Document page = pages.page("/" + left + "/" + WORK + "/parallel/" + right);
        var rows = page.select(".parallel > .pair[id]");
        assertThat(rows).hasSizeGreaterThan(130);
        for (Element row : rows) {
            var sides = row.select("> .side");
            assertThat(sides).hasSize(2);
            assertThat(sides.get(0).attr("lang")).isEqualTo(left);
            assertThat(sides.get(1).attr("lang")).isEqualTo(right);
            assertThat(sides.get(0).select("> a.pair-link").attr("href")).startsWith("/" + left + "/" + WORK + "#");
            assertThat(sides.get(1).select("> a.pair-link").attr("href")).startsWith("/" + right + "/" + WORK + "#");
        }
        assertThat(page.select(".side.missing")).as("complete editions leave no row empty").isEmpty();
        assertThat(page.getElementById("inizio-rivolta")).isNotNull();
        Set<String> ids = new HashSet<>();
        for (String id : page.select("[id]").eachAttr("id")) {
            assertThat(ids.add(id)).as("id %s is unique on the page", id).isTrue();
        }
        assertThat(page.select(".pair .side").select("[id^=ref-]")).isEmpty();
    }

    @Test
    void theInterviewStandsSideBySideOnItsOwn() throws Exception {
        Document page = pages.page("/ru/" + WORK + "/interview/parallel/it");
        assertThat(page.select(".pair .side[lang=ru] .question")).hasSize(8);
        assertThat(page.select(".pair .side[lang=it] .question")).hasSize(8);
        assertThat(page.select(".pair .side[lang=ru] .pair-link").first().attr("href")).startsWith("/ru/" + WORK + "/interview#");
        assertThat(page.select(".pair-heading")).isEmpty();
    }

    @Test
    void everyPassageAndTheLanguageSwitcherOfferReadingBeside() throws Exception {
        Document page = pages.page("/it/" + WORK);
        Element block = page.getElementById("inizio-rivolta");
        assertThat(block.select("> .block-links a.beside").eachAttr("href")).containsExactlyInAnyOrder(
                "/it/" + WORK + "/parallel/en#inizio-rivolta", "/it/" + WORK + "/parallel/ru#inizio-rivolta");
        assertThat(page.select(".beside-list a").eachAttr("href"))
                .containsExactlyInAnyOrder("/it/" + WORK + "/parallel/en", "/it/" + WORK + "/parallel/ru");
        Document interview = pages.page("/en/" + WORK + "/interview");
        assertThat(interview.select(".beside-list a").eachAttr("href"))
                .contains("/en/" + WORK + "/interview/parallel/it");
    }

    @Test
    void aPassageATranslationLacksIsMarkedVisiblyInItsRow() throws Exception {
        String italian = Files.readString(Path.of("content/it/" + WORK + ".md"));
        String partial = italian.replace("language: it", "language: de").replace("title: Il Kazakistan dopo la rivolta", "title: Teilweise")
                .replaceAll("(?m)^Secondo il Ministro dell.*\\{#prigione-delle-nazioni-4}$", "");
        var transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        long id = transactions.execute(tx -> {
            var parsed = context.getBean(TranslationParser.class).parse("de.md", partial);
            long written = new TranslationWriter(context.getBean(JdbcTemplate.class)).write(
                    context.getBean(TranslationRenderer.class).render(parsed), partial, "test", TranslationOrigin.EDITOR,
                    PublicationStatus.PUBLISHED);
            context.publishEvent(new TranslationChanged(written));
            return written;
        });
        try {
            Document page = pages.page("/it/" + WORK + "/parallel/de");
            Element row = page.getElementById("prigione-delle-nazioni-4");
            assertThat(row.select(".side[lang=de]").hasClass("missing")).isTrue();
            assertThat(row.select(".side[lang=de] .missing-note").text()).isEqualTo("Questo passo non è tradotto in questa edizione.");
            assertThat(row.select(".side[lang=it]").text()).contains("8000");
            assertThat(page.select(".parallel-status").text()).contains("Un passo non ha il corrispondente");
            assertThat(page.select(".side.missing")).hasSize(1);
        } finally {
            transactions.executeWithoutResult(tx -> {
                context.getBean(JdbcTemplate.class).update("delete from translation where id = ?", id);
                context.publishEvent(new TranslationChanged(id));
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/it/" + WORK + "/parallel/it", "/it/" + WORK + "/parallel/de", "/de/" + WORK + "/parallel/it",
            "/it/" + WORK + "/timeline/parallel/en"})
    void aPairThatDoesNotExistIsA404(String path) throws Exception {
        assertThat(pages.response(path).statusCode()).isEqualTo(404);
    }

    @Test
    void parallelPagesAreCachedLikeTheOtherPublicPages() throws Exception {
        var first = pages.response("/it/" + WORK + "/parallel/en");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(pages.base() + "/it/" + WORK + "/parallel/en"))
                .header("If-None-Match", etag).GET().build();
        var second = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).isEqualTo(304);
    }
}
