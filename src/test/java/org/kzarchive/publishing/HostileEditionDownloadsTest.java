package org.kzarchive.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.editing.EditingFixtures;
import org.kzarchive.editing.SanitizerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An edition whose editor wrote every payload of the XSS table into its text, headings, captions,
 * questions, answers, notes, timeline and credits still gives a valid EPUB, PDF, booklet and
 * Markdown, and a harmless edition page with its downloads and citations.
 */
@ArchiveIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileEditionDownloadsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @TempDir
    Path temporary;

    private EditingFixtures fixtures;
    private String work;
    private String markdown;

    @BeforeAll
    void publishTheXssTable() throws Exception {
        fixtures = new EditingFixtures(context);
        fixtures.editor("hostile-downloads-editor", false);
        work = fixtures.newWork();
        // the hostile edition is the work's reference edition, so its passages may have keys of their own
        context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .update("update work set reference_language = 'en' where slug = ?", work);
        markdown = org.kzarchive.importing.KeyAssignment.assign("hostile.md", hostileText(work));
        String some = SanitizerTest.PAYLOADS.get(0) + " " + SanitizerTest.PAYLOADS.get(26);
        mvc.perform(multipart("/admin/translations")
                        .param("work", work).param("language", "en")
                        .param("title", "Title " + some).param("subtitle", "Subtitle " + some)
                        .param("translator", "Translator " + some).param("source", "Source {50%} \\ & $ # _ ~ ^ " + some)
                        .param("markdown", markdown).param("action", "publish")
                        .with(user("hostile-downloads-editor").roles("EDITOR")).with(csrf()))
                .andExpect(redirectedUrlPattern("/admin/translations/*"));
    }

    @AfterAll
    void removeIt() {
        fixtures.removeWorks();
    }

    /** Each payload in a paragraph (with a note), a caption, a heading, a question, an answer and a timeline label. */
    private static String hostileText(String work) {
        StringBuilder text = new StringBuilder("---\nwork: " + work + "\nlanguage: en\ntitle: Hostile\n---\n\n");
        List<String> payloads = SanitizerTest.PAYLOADS;
        for (int i = 0; i < payloads.size(); i++) {
            text.append("Paragraph ").append(i).append(' ').append(payloads.get(i)).append(" end.[^n").append(i).append("]\n\n");
            text.append("::: figure date=2022-01-05\nCaption ").append(i).append(' ').append(payloads.get(i)).append("\n:::\n\n");
        }
        text.append("## Interview {#interview}\n\n");
        for (int i = 0; i < payloads.size(); i++) {
            text.append("Q: Question ").append(i).append(' ').append(payloads.get(i)).append("?\n\n");
            text.append("A: Answer ").append(i).append(' ').append(payloads.get(i)).append(" {#answer-").append(i).append("}\n\n");
        }
        for (int i = 0; i < payloads.size(); i++) {
            text.append("## Heading ").append(i).append(' ').append(payloads.get(i).replace("{", "(").replace("}", ")"))
                    .append(" {#heading-").append(i).append("}\n\nUnder heading ").append(i).append(".\n\n");
        }
        text.append("::: timeline\n");
        for (int i = 0; i < payloads.size(); i++) {
            text.append("- 2022-01-05 | Event ").append(i).append(' ').append(payloads.get(i).replace("|", "")).append(" | answer-")
                    .append(i).append('\n');
        }
        text.append(":::\n\n");
        for (int i = 0; i < payloads.size(); i++) {
            text.append("[^n").append(i).append("]: Note ").append(i).append(' ').append(payloads.get(i)).append('\n');
        }
        return text.toString();
    }

    private byte[] download(String extension) throws Exception {
        return mvc.perform(get("/en/" + work + "." + extension)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void theEpubStaysValid() throws Exception {
        assertThat(EpubEditionTest.epubcheck(download("epub"), temporary.resolve("hostile.epub"))).isEmpty();
    }

    @Test
    void thePdfAndTheBookletHoldEveryParagraph() throws Exception {
        for (String extension : List.of("pdf", "booklet.pdf")) {
            try (PDDocument document = Loader.loadPDF(download(extension))) {
                String text = PdfEditionTest.comparable(new PDFTextStripper().getText(document));
                for (String passage : List.of("Paragraph", "Caption", "Question", "Answer", "Underheading", "Note", "Event")) {
                    // digits are left out of the comparison (note numbers), so each kind of passage counts its appearances
                    assertThat(text.split(passage, -1).length - 1).as(extension + " " + passage)
                            .isGreaterThanOrEqualTo(SanitizerTest.PAYLOADS.size());
                }
                // what an editor typed in a title or a timeline label is printed as the text it is
                assertThat(text).as(extension).contains(PdfEditionTest.comparable("Title " + SanitizerTest.PAYLOADS.get(0)));
            }
        }
    }

    @Test
    void theMarkdownIsTheTextAsWritten() throws Exception {
        String stored = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "select t.markdown from translation t join work w on w.id = t.work_id where w.slug = ? and t.language = 'en'",
                String.class, work);
        assertThat(new String(download("md"), StandardCharsets.UTF_8)).isEqualTo(stored).contains(SanitizerTest.PAYLOADS);
    }

    @Test
    void theEditionPageWithItsDownloadsAndACitationPageStayHarmless() throws Exception {
        var page = Jsoup.parse(mvc.perform(get("/en/" + work)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select(".downloads li")).hasSize(4);
        page.select("head script[type=application/ld+json], head script[src]").remove();
        SanitizerTest.assertHarmless(page, "edition page with downloads", "the XSS table");
        var cite = Jsoup.parse(mvc.perform(get("/en/" + work + "/cite/answer-3")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        cite.select("head script").remove();
        SanitizerTest.assertHarmless(cite, "citation page", "the XSS table");
    }
}
