package org.kzarchive.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.reading.PageFetcher;
import org.kzarchive.system.PagesRenderedAgain;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The whole way of a new translation: sign in, write, get told the mistakes, preview, save, publish, read. */
@ArchiveIntegrationTest
class TranslationFlowTest {

    private static final String GERMAN_TITLE = "Kasachstan nach dem Aufstand";
    private static final String GERMAN_OPENING = "Nach unserer Berichterstattung über den Aufstand";

    @Autowired
    MockMvc mvc;

    @Autowired
    ConfigurableApplicationContext context;

    @LocalServerPort
    int port;

    private EditingFixtures fixtures;
    private PageFetcher pages;

    @BeforeEach
    void setUp() {
        fixtures = new EditingFixtures(context);
        fixtures.editor("flow-editor", false);
        pages = new PageFetcher(port);
    }

    @AfterEach
    void removeTheGermanTranslation() {
        fixtures.deleteTranslation(EditingFixtures.SEED_WORK, "de");
    }

    private Cookie signIn() throws Exception {
        return mvc.perform(formLogin("/admin/sign-in").user("flow-editor").password(EditingFixtures.PASSWORD))
                .andExpect(redirectedUrl("/admin"))
                .andReturn().getResponse().getCookie("SESSION"); // sessions live in PostgreSQL (Spring Session)
    }

    private static MockMultipartHttpServletRequestBuilder germanForm(String path, String markdown, Cookie session) {
        return form(path, "de", markdown, session);
    }

    private static MockMultipartHttpServletRequestBuilder form(String path, String language, String markdown, Cookie session) {
        return (MockMultipartHttpServletRequestBuilder) multipart(path)
                .param("work", EditingFixtures.SEED_WORK)
                .param("language", language)
                .param("title", GERMAN_TITLE)
                .param("subtitle", "Augenzeugenberichte aus Almaty")
                .param("translator", "Redaktion (deutsche Übersetzung)")
                .param("source", "CrimethInc., Januar 2022")
                .param("markdown", markdown)
                .param("message", "Deutsche Übersetzung, erster Entwurf")
                .param("baseRevision", "0")
                .cookie(session)
                .with(csrf());
    }

    private static Document html(org.springframework.test.web.servlet.MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError(fragment + " not in the text");
    }

    @Test
    void anEditorAddsAGermanTranslationOfTheItalianTextCorrectsItPreviewsItAndPublishesIt() throws Exception {
        Cookie session = signIn();

        // the Italian text is offered as the template, without its own title and credits
        long italian = fixtures.translationId(EditingFixtures.SEED_WORK, "it");
        Document form = html(mvc.perform(get("/admin/translations/new").param("from", String.valueOf(italian)).cookie(session))
                .andExpect(status().isOk()).andReturn());
        String template = form.selectFirst("textarea[name=markdown]").val();
        assertThat(template).startsWith("---\nwork: kazakistan-dopo-la-rivolta\n").contains("translated-from: it", "{#inizio-rivolta}", "{#apertura-1}")
                .doesNotContain("language: it", "title: Il Kazakistan", "translator:", "author:");
        String german = template.replace("Dopo la nostra copertura della rivolta", GERMAN_OPENING);

        // two mistakes: a reference without its note and an id used twice; both are told with their line
        String mistaken = german.replace("[^1]: Dal 17", "[^1]: Dal 17") + "\nEin Satz mit Fußnote.[^99] {#neu}\n\nZweiter Satz. {#inizio-rivolta}\n";
        Document refused = html(mvc.perform(germanForm("/admin/translations", mistaken, session).param("action", "save"))
                .andExpect(status().isOk()).andReturn());
        String kept = refused.selectFirst("textarea[name=markdown]").val();
        assertThat(kept).as("the editor's text is kept, with the form's fields in its front matter")
                .contains(GERMAN_OPENING, "Ein Satz mit Fußnote.[^99]", "language: de\n", "title: " + GERMAN_TITLE + "\n");
        List<String> problems = refused.select(".problems li").eachText();
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith("Line " + lineOf(kept, "Ein Satz mit Fußnote") + ": The footnote reference [^99] has no note.")
                .contains("Add a line '[^99]: text of the note'"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith("Line " + lineOf(kept, "Zweiter Satz") + ": The key 'inizio-rivolta' is used twice (first at line "
                        + lineOf(kept, "{#inizio-rivolta}") + ")."));
        assertThat(fixtures.translationId(EditingFixtures.SEED_WORK, "de")).as("nothing saved").isNull();

        // the corrected text previewed through the public template, before anything is stored
        Document preview = html(mvc.perform(germanForm("/admin/translations/preview", german, session))
                .andExpect(status().isOk()).andReturn());
        // no German interface: the page around the text speaks Italian, the text says it is German
        assertThat(preview.select("html").attr("lang")).isEqualTo("it");
        assertThat(preview.select("article.work").attr("lang")).isEqualTo("de");
        assertThat(preview.select(".preview-banner").text()).contains("Anteprima", "Preview — not published");
        assertThat(preview.select("h1").text()).isEqualTo(GERMAN_TITLE);
        assertThat(preview.select("main").text()).contains(GERMAN_OPENING, "Redaktion (deutsche Übersetzung)");
        assertThat(preview.select(".languages a").eachText()).contains("Deutsch", "Italiano");
        assertThat(preview.select("figure.figure")).hasSize(16);
        assertThat(fixtures.translationId(EditingFixtures.SEED_WORK, "de")).as("a preview saves nothing").isNull();

        // saved as a draft: editors see it, readers do not
        String location = mvc.perform(germanForm("/admin/translations", german, session).param("action", "save"))
                .andExpect(redirectedUrlPattern("/admin/translations/*")).andReturn().getResponse().getRedirectedUrl();
        long id = fixtures.translationId(EditingFixtures.SEED_WORK, "de");
        assertThat(location).isEqualTo("/admin/translations/" + id);
        assertThat(pages.response("/de/kazakistan-dopo-la-rivolta").statusCode()).isEqualTo(404);
        assertThat(pages.page("/").select(".work-card").text()).doesNotContain("Deutsch");
        Document overview = html(mvc.perform(get(location).cookie(session)).andExpect(status().isOk()).andReturn());
        assertThat(overview.select(".flash.message").text()).contains("saved as a draft (revision 1)");
        assertThat(overview.select(".alignment").text()).contains("has its counterpart");

        // published: on the public pages, the language switcher and the home page, once they are rendered again
        try (var events = new RecordedEvents(context)) {
            mvc.perform(post(location + "/publish").param("revision", "1").cookie(session).with(csrf()))
                    .andExpect(redirectedUrl(location));
            assertThat(events.committed()).containsExactly(id);
        }
        PagesRenderedAgain.await(context);
        Document published = pages.page("/de/kazakistan-dopo-la-rivolta");
        assertThat(published.select("h1").text()).isEqualTo(GERMAN_TITLE);
        assertThat(published.select("article.work").attr("lang")).isEqualTo("de");
        assertThat(published.select("main").text()).contains(GERMAN_OPENING);
        assertThat(published.select(".preview-banner")).isEmpty();
        assertThat(pages.page("/it/kazakistan-dopo-la-rivolta").select(".languages a").eachText()).contains("Deutsch", "Italiano");
        assertThat(pages.page("/").select(".work-card a[hreflang=de]").attr("href")).isEqualTo("/de/kazakistan-dopo-la-rivolta");
        // and found by search, linking to the German text
        Document found = pages.page("/search?q=Berichterstattung");
        assertThat(found.select("li.result a").eachAttr("href")).anyMatch(h -> h.startsWith("/de/kazakistan-dopo-la-rivolta#"));
    }

    @Test
    void anUploadedMarkdownFileIsTakenInsteadOfThePastedText() throws Exception {
        Cookie session = signIn();
        String italian = fixtures.revisionText(fixtures.translationId(EditingFixtures.SEED_WORK, "it"), 1);
        byte[] file = italian.replace("Dopo la nostra copertura della rivolta", GERMAN_OPENING).getBytes(StandardCharsets.UTF_8);
        mvc.perform(germanForm("/admin/translations", "", session)
                        .file(new MockMultipartFile("upload", "kasachstan.md", "text/markdown", file)).param("action", "save"))
                .andExpect(redirectedUrlPattern("/admin/translations/*"));
        long id = fixtures.translationId(EditingFixtures.SEED_WORK, "de");
        assertThat(fixtures.revisionText(id, 1)).contains(GERMAN_OPENING, "language: de\n", "title: " + GERMAN_TITLE + "\n")
                .doesNotContain("language: it", "title: Il Kazakistan");
    }

    @Test
    void anUploadThatIsNotUtf8IsRefusedAndThePastedTextStaysInTheForm() throws Exception {
        Cookie session = signIn();
        byte[] latin1 = "---\nwork: kazakistan-dopo-la-rivolta\n---\n\nCittà".getBytes(StandardCharsets.ISO_8859_1);
        Document page = html(mvc.perform(germanForm("/admin/translations", "Mein eingefügter Text", session)
                        .file(new MockMultipartFile("upload", "alt.md", "text/markdown", latin1)).param("action", "save"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select(".problems li").eachText()).singleElement().asString()
                .contains("The file 'alt.md' is not UTF-8 text.", "Save it with the encoding UTF-8");
        assertThat(page.selectFirst("textarea[name=markdown]").wholeText()).isEqualTo("Mein eingefügter Text");
    }

    @Test
    void aRequestTooLargeToReadGetsAPageSayingSoNotAnError() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(pages.base() + "/admin/translations"))
                .header("Content-Type", "multipart/form-data; boundary=x").header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[5 * 1024 * 1024])).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("1 MB").doesNotContain("Exception");
    }

    @Test
    void anUnknownLanguageIsToldBesideTheFieldAndAtItsLine() throws Exception {
        Cookie session = signIn();
        String text = fixtures.revisionText(fixtures.translationId(EditingFixtures.SEED_WORK, "it"), 1);
        Document page = html(mvc.perform(form("/admin/translations", "xx-nonsense", text, session))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select(".field-error").eachText()).contains(
                "Unknown language code 'xx-nonsense'. Use a BCP 47 code such as en, ru, de, pt-BR or kk.");
        assertThat(page.select(".problems li").eachText()).anySatisfy(p -> assertThat(p)
                .startsWith("Line 3: Unknown language code 'xx-nonsense'."));
    }

    @Test
    void aSecondTranslationInTheSameLanguageIsRefused() throws Exception {
        Cookie session = signIn();
        String text = fixtures.revisionText(fixtures.translationId(EditingFixtures.SEED_WORK, "it"), 1);
        Document page = html(mvc.perform(form("/admin/translations", "it", text, session))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select(".field-error").eachText()).anySatisfy(e -> assertThat(e)
                .startsWith("This work already has a translation in Italiano (it)."));
    }

    @Test
    void languageCodesAreOfferedWithTheirOwnNames() throws Exception {
        Document form = html(mvc.perform(get("/admin/translations/new").cookie(signIn())).andExpect(status().isOk()).andReturn());
        assertThat(form.select("datalist#language-codes option")).extracting(e -> e.attr("value") + " " + e.text())
                .contains("ru Русский", "kk Қазақ тілі", "de Deutsch", "pt-BR Português (Brasil)");
        assertThat(form.select("select#work option").eachAttr("value")).contains(EditingFixtures.SEED_WORK);
        Element preview = form.selectFirst("button[formaction]");
        assertThat(preview.attr("formaction")).isEqualTo("/admin/translations/preview");
    }
}
