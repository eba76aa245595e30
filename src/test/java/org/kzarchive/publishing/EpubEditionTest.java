package org.kzarchive.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kzarchive.ArchiveIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every published edition as an EPUB 3 that epubcheck accepts without an error or a warning. */
@ArchiveIntegrationTest
class EpubEditionTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Downloads downloads;

    @Autowired
    EditionRevisions revisions;

    @Autowired
    EpubWriter writer;

    @TempDir
    Path temporary;

    @RegisterExtension
    static final PublishedEditionsFixture editions = new PublishedEditionsFixture();

    /** Collects what epubcheck reports, by severity. */
    static final class CollectedReport extends MasterReport {
        final List<String> problems = new ArrayList<>();

        @Override
        public void message(Message message, EPUBLocation location, Object... arguments) {
            if (message.getSeverity() == Severity.ERROR || message.getSeverity() == Severity.FATAL
                    || message.getSeverity() == Severity.WARNING) {
                problems.add(message.getSeverity() + " " + message.getID() + " " + location + ": " + message.getMessage(arguments));
            }
        }

        @Override
        public void info(String resource, FeatureEnum feature, String value) {
        }

        @Override
        public int generate() {
            return 0;
        }

        @Override
        public void initialize() {
        }
    }

    static List<String> epubcheck(byte[] epub, Path file) throws IOException {
        Files.write(file, epub);
        CollectedReport report = new CollectedReport();
        new EpubCheck(file.toFile(), report).doValidate();
        assertThat(report.getFatalErrorCount() + report.getErrorCount() + report.getWarningCount())
                .as("epubcheck counts for " + file.getFileName() + ": " + report.problems).isZero();
        return report.problems;
    }

    @Test
    void everyPublishedEditionPassesEpubcheckWithoutErrorsOrWarnings() throws IOException {
        assertThat(editions.all()).extracting(PublishedEditionsFixture.EditionName::language).contains("it", "ru");
        for (var edition : editions.all()) {
            Download epub = downloads.published(edition.language(), edition.work(), DownloadFormat.EPUB).orElseThrow();
            assertThat(epubcheck(epub.bytes(), temporary.resolve(edition.language() + "-" + edition.work() + ".epub")))
                    .as(edition.toString()).isEmpty();
        }
    }

    @Test
    void theSameRevisionGivesTheSameBytes() {
        EditionRevision revision = revisions.published("ru", editions.work()).orElseThrow();
        assertThat(writer.write(revision)).isEqualTo(writer.write(revisions.published("ru", editions.work()).orElseThrow()));
    }

    static Map<String, String> entries(byte[] epub) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(epub))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void notesAreEpubFootnotesLinkedBothWays() throws IOException {
        Map<String, String> book = entries(downloads.published("ru", editions.work(), DownloadFormat.EPUB).orElseThrow().bytes());
        Document text = Jsoup.parse(book.get("EPUB/text.xhtml"), Parser.xmlParser());
        Document notes = Jsoup.parse(book.get("EPUB/notes.xhtml"), Parser.xmlParser());
        Element noteref = text.selectFirst("a[epub:type=noteref]");
        assertThat(noteref.attr("href")).isEqualTo("notes.xhtml#note-1");
        Element footnote = notes.getElementById("note-1");
        assertThat(footnote.tagName()).isEqualTo("aside");
        assertThat(footnote.attr("epub:type")).isEqualTo("footnote");
        assertThat(footnote.text()).contains("Примечание проверки.");
        assertThat(footnote.selectFirst("a[role=doc-backlink]").attr("href")).isEqualTo("text.xhtml#" + noteref.id());
    }

    @Test
    void theBookHasTheInterviewFiguresTimelineNavigationAndMetadata() throws IOException {
        Map<String, String> book = entries(downloads.published("ru", editions.work(), DownloadFormat.EPUB).orElseThrow().bytes());
        assertThat(book.keySet()).first().isEqualTo("mimetype");
        Document text = Jsoup.parse(book.get("EPUB/text.xhtml"), Parser.xmlParser());
        assertThat(text.select(".question")).hasSize(2);
        assertThat(text.select(".question .speaker").first().text())
                .isEqualTo(context.getMessage("interview.question", null, java.util.Locale.forLanguageTag("ru")));
        assertThat(text.select(".question").first().text()).contains("Первый вопрос проверки?");
        assertThat(text.select(".answer").first().text()).contains("Первый ответ проверки.");
        Element figure = text.selectFirst("figure");
        assertThat(figure.selectFirst("figcaption").text()).contains("Подпись к фотографии проверки.", "Кто-то");
        Document timeline = Jsoup.parse(book.get("EPUB/timeline.xhtml"), Parser.xmlParser());
        assertThat(timeline.selectFirst("ol.timeline a").attr("href")).isEqualTo("text.xhtml#risposta-due");
        Document nav = Jsoup.parse(book.get("EPUB/nav.xhtml"), Parser.xmlParser());
        assertThat(nav.select("nav[epub:type=toc] a").eachAttr("href"))
                .contains("text.xhtml#intervista", "timeline.xhtml", "notes.xhtml");
        Document opf = Jsoup.parse(book.get("EPUB/package.opf"), Parser.xmlParser());
        assertThat(opf.selectFirst("dc|title").text()).isEqualTo("Проверка архива");
        assertThat(opf.selectFirst("dc|language").text()).isEqualTo("ru");
        assertThat(opf.selectFirst("dc|creator").text()).as("the work's author, from its facts").isEqualTo("Redazione");
        assertThat(opf.selectFirst("dc|contributor").text()).isEqualTo("Переводчица Ёлкина");
        assertThat(opf.selectFirst("dc|identifier").text()).startsWith("urn:uuid:");
        assertThat(opf.selectFirst("meta[property=dcterms:modified]").text()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }
}
