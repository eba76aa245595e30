package org.kzarchive.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The editors' other pages: stored previews, refused previews, alignment warnings, the list, the account. */
@ArchiveIntegrationTest
class EditingPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ConfigurableApplicationContext context;

    private EditingFixtures fixtures;
    private String work;

    @BeforeEach
    void setUp() {
        fixtures = new EditingFixtures(context);
        work = fixtures.newWork();
    }

    @AfterEach
    void tearDown() {
        fixtures.removeWorks();
    }

    private ResultActions add(String markdown, String action) throws Exception {
        return mvc.perform(multipart("/admin/translations").param("work", work).param("language", "en")
                .param("markdown", markdown).param("action", action)
                .with(user("pages-editor").roles("EDITOR")).with(csrf()));
    }

    private Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private Document get(String path) throws Exception {
        return page(mvc.perform(MockMvcRequestBuilders.get(path).with(user("pages-editor").roles("EDITOR"))).andExpect(status().isOk()));
    }

    @Test
    void aStoredDraftIsPreviewedAsEachPublicPageWithLinksBetweenThem() throws Exception {
        add(EditingFixtures.english(work), "save");
        long id = fixtures.translationId(work, "en");

        Document text = get("/admin/translations/" + id + "/preview");
        assertThat(text.select(".preview-banner a").eachAttr("href")).contains(
                "/admin/translations/" + id + "/preview", "/admin/translations/" + id + "/preview/interview",
                "/admin/translations/" + id + "/preview/notes", "/admin/translations/" + id);
        assertThat(text.select("h1").text()).isEqualTo("An archive test");

        Document interview = get("/admin/translations/" + id + "/preview/interview?revision=1");
        assertThat(interview.select("section.exchange")).hasSize(2);
        assertThat(interview.select(".preview-banner a[aria-current]").text()).isEqualTo("interview");
        assertThat(get("/admin/translations/" + id + "/preview/notes").select("#note-1").text()).contains("Test note.");
        assertThat(get("/admin/translations/" + id + "/preview/timeline").select("ol.timeline li")).hasSize(1);
    }

    @Test
    void aPreviewOfTextWithMistakesShowsTheMistakesInsteadWithTheTextKept() throws Exception {
        String broken = EditingFixtures.english(work).replace("[^1]: Test note.\n", "");
        Document page = page(mvc.perform(multipart("/admin/translations/preview").param("work", work).param("language", "en")
                .param("markdown", broken).with(user("pages-editor").roles("EDITOR")).with(csrf())).andExpect(status().isOk()));
        assertThat(page.select(".problems h2").text()).isEqualTo("The preview needs a text without problems");
        assertThat(page.select(".problems li").text()).contains("The footnote reference [^1] has no note.");
        assertThat(page.selectFirst("textarea[name=markdown]").wholeText()).isEqualTo(broken);
    }

    @Test
    void theOverviewWarnsOfPartsThatDoNotMatchTheOriginal() throws Exception {
        add(EditingFixtures.english(work).replace("Q: Second test question? {#intervista-3}\n\nA: Second test answer. {#risposta-due}\n",
                "A: Second test answer. {#risposta-due}\n"), "save");
        long id = fixtures.translationId(work, "en");
        Document overview = get("/admin/translations/" + id);
        assertThat(overview.select(".alignment").text()).contains("warnings, not errors");
        assertThat(overview.select(".alignment tr.warning th").eachText()).containsExactly("Passages");
        assertThat(overview.select(".alignment tr.warning").first().text()).contains("intervista-3");
    }

    @Test
    void theListShowsDraftsAndPublishedTranslationsWithTheirLatestRevision() throws Exception {
        add(EditingFixtures.english(work), "save");
        Document list = get("/admin");
        var italian = list.select("tr:has(code:containsOwn(" + work + ")):has(td:contains(Italiano))");
        var english = list.select("tr:has(code:containsOwn(" + work + ")):has(td:contains(English))");
        assertThat(italian.text()).contains("Prova di archivio", "published (revision 1)");
        assertThat(english.text()).contains("An archive test", "draft, not public", "1 · pages-editor");
    }

    @Test
    void anEditorChangesTheirOwnPassword() throws Exception {
        String name = "password-changer-" + System.nanoTime() % 100000;
        fixtures.editor(name, false);
        Document wrong = page(mvc.perform(post("/admin/account/password").param("current", "not it")
                .param("password", "a brand new password").param("repeated", "a brand new password")
                .with(user(name).roles("EDITOR")).with(csrf())).andExpect(status().isOk()));
        assertThat(wrong.select(".flash.error").text()).isEqualTo("The current password is not right.");

        mvc.perform(post("/admin/account/password").param("current", EditingFixtures.PASSWORD)
                        .param("password", "a brand new password").param("repeated", "a brand new password")
                        .with(user(name).roles("EDITOR")).with(csrf()))
                .andExpect(redirectedUrl("/admin/account"));
        mvc.perform(formLogin("/admin/sign-in").user(name).password("a brand new password")).andExpect(redirectedUrl("/admin"));
    }
}
