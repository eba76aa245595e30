package org.kzarchive.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationChanged;
import org.kzarchive.archive.TranslationOrigin;
import org.kzarchive.importing.ContentFolder;
import org.kzarchive.importing.ContentImport;
import org.kzarchive.importing.TranslationWriter;
import org.kzarchive.system.PagesRenderedAgain;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;
import org.springframework.transaction.support.TransactionTemplate;

/** Nothing is ever lost: revisions, history, diff, restore, conflicts, export, and saves that fail. */
@ArchiveIntegrationTest
class RevisionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TranslationEditing editing;

    private EditingFixtures fixtures;
    private String work;
    private String english;

    @BeforeEach
    void setUp() {
        fixtures = new EditingFixtures(context);
        work = fixtures.newWork();
        english = EditingFixtures.english(work);
    }

    @AfterEach
    void tearDown() {
        fixtures.removeWorks();
    }

    private ResultActions save(String editor, String path, String markdown, int base, String action, String message) throws Exception {
        return mvc.perform(multipart(path)
                .param("work", work).param("language", "en")
                .param("markdown", markdown).param("baseRevision", String.valueOf(base))
                .param("message", message).param("action", action)
                .with(user(editor).roles("EDITOR")).with(csrf()));
    }

    /** Adds the English translation as anna and returns its id. */
    private long add(String action) throws Exception {
        save("anna", "/admin/translations", english, 0, action, "First draft").andExpect(status().is3xxRedirection());
        return fixtures.translationId(work, "en");
    }

    private String path(long id) {
        return "/admin/translations/" + id;
    }

    private Document page(String path, String editor) throws Exception {
        return html(mvc.perform(get(path).with(user(editor).roles("EDITOR"))).andExpect(status().isOk()).andReturn());
    }

    private static Document html(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** What an anonymous reader reads once the pages are rendered again after the last change. */
    private String publicText() throws Exception {
        PagesRenderedAgain.await(context);
        MvcResult result = mvc.perform(get("/en/" + work)).andReturn();
        return result.getResponse().getStatus() == 200 ? html(result).select("main").text() : "(" + result.getResponse().getStatus() + ")";
    }

    @Test
    void everySaveIsKeptAsARevisionWithItsAuthorTimeAndMessage() throws Exception {
        long id = add("save");
        save("marco", path(id), english.replace("Second test answer.", "Second answer, corrected."), 1, "save",
                "Corrected the second answer").andExpect(redirectedUrl(path(id)));

        assertThat(fixtures.revisionCount(id)).isEqualTo(2);
        Document history = page(path(id) + "/history", "anna");
        var rows = history.select("table.revisions tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).text()).contains("2", "marco", "Corrected the second answer", "latest").containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        assertThat(rows.get(1).text()).contains("1", "anna", "First draft");
    }

    @Test
    void theDiffOfTwoRevisionsShowsTheChangedWordsInTheirLines() throws Exception {
        long id = add("save");
        save("marco", path(id), english.replace("Second test answer.", "Second answer, corrected."), 1, "save", "Corrected")
                .andExpect(redirectedUrl(path(id)));

        Document diff = page(path(id) + "/diff?from=1&to=2", "anna");
        assertThat(diff.select("tr.diff-removed td.text").text()).isEqualTo("A: Second test answer. {#risposta-due}");
        assertThat(diff.select("tr.diff-removed del").eachText()).contains("test");
        assertThat(diff.select("tr.diff-added td.text").text()).isEqualTo("A: Second answer, corrected. {#risposta-due}");
        assertThat(diff.select("tr.diff-added ins").eachText()).contains(", corrected");
        assertThat(diff.text()).contains("Lines removed: 1; lines added: 1.");
    }

    @Test
    void restoringAnOldRevisionSavesItsTextAgainAsTheNewestAndKeepsTheOthers() throws Exception {
        long id = add("save");
        String changed = english.replace("Opening paragraph of the test.", "A rewritten opening.");
        save("marco", path(id), changed, 1, "save", "Rewrote the opening").andExpect(redirectedUrl(path(id)));

        mvc.perform(post(path(id) + "/revisions/1/restore").param("base", "2").with(user("anna").roles("EDITOR")).with(csrf()))
                .andExpect(redirectedUrl(path(id)));

        assertThat(fixtures.revisionCount(id)).isEqualTo(3);
        assertThat(fixtures.revisionText(id, 3)).isEqualTo(fixtures.revisionText(id, 1));
        assertThat(fixtures.revisionText(id, 2)).isEqualTo(changed);
        assertThat(page(path(id) + "/history", "anna").select("table.revisions tbody tr").first().text())
                .contains("3", "anna", "Restored revision 1");
    }

    @Test
    void restoringFromAHistoryThatIsNoLongerCurrentIsRefused() throws Exception {
        long id = add("save");
        save("marco", path(id), english.replace("Test note.", "A note."), 1, "save", "Note").andExpect(redirectedUrl(path(id)));

        mvc.perform(post(path(id) + "/revisions/1/restore").param("base", "1").with(user("anna").roles("EDITOR")).with(csrf()))
                .andExpect(redirectedUrl(path(id) + "/history"));
        assertThat(fixtures.revisionCount(id)).isEqualTo(2);
    }

    @Test
    void readersSeeThePublishedRevisionUntilTheNextOneIsPublished() throws Exception {
        long id = add("publish");
        assertThat(publicText()).contains("Second test answer.");

        save("marco", path(id), english.replace("Second test answer.", "Second answer, corrected."), 1, "save", "Corrected")
                .andExpect(redirectedUrl(path(id)));
        assertThat(publicText()).as("a saved revision is a draft until published").contains("Second test answer.")
                .doesNotContain("corrected");
        assertThat(page(path(id), "anna").select("form[action$=/publish] button").text()).isEqualTo("Publish revision 2");

        try (var events = new RecordedEvents(context)) {
            mvc.perform(post(path(id) + "/publish").param("revision", "2").with(user("anna").roles("EDITOR")).with(csrf()))
                    .andExpect(redirectedUrl(path(id)));
            assertThat(events.committed()).containsExactly(id);
        }
        assertThat(publicText()).contains("Second answer, corrected.");
    }

    @Test
    void theLaterOfTwoSavesFromTheSameRevisionIsRefusedWithADiffAndTheEditorsTextIsKept() throws Exception {
        long id = add("save");
        // both open the form on revision 1
        assertThat(page(path(id) + "/edit", "anna").select("input[name=baseRevision]").val()).isEqualTo("1");
        assertThat(page(path(id) + "/edit", "marco").select("input[name=baseRevision]").val()).isEqualTo("1");
        String annas = english.replace("First test answer.", "Anna's first answer.");
        String marcos = english.replace("Second test answer.", "Marco's second answer.");

        save("anna", path(id), annas, 1, "save", "Anna's change").andExpect(redirectedUrl(path(id)));
        Document conflict = html(save("marco", path(id), marcos, 1, "save", "Marco's change")
                .andExpect(status().isConflict()).andReturn());

        assertThat(conflict.select(".conflict").text()).contains("anna saved revision 2", "Your text has not been saved");
        assertThat(conflict.selectFirst("textarea[name=markdown]").wholeText()).isEqualTo(marcos);
        assertThat(conflict.select("input[name=baseRevision]").val()).isEqualTo("2");
        // their revision (−) against the text being saved (+)
        assertThat(conflict.select(".conflict tr.diff-removed").text()).contains("Anna's first answer", "Second test answer.");
        assertThat(conflict.select(".conflict tr.diff-added").text()).contains("First test answer.", "Marco's second answer");
        assertThat(fixtures.revisionCount(id)).as("nothing overwritten").isEqualTo(2);
        assertThat(fixtures.revisionText(id, 2)).isEqualTo(annas);

        // having seen anna's revision, marco saves on top of it: both texts stay in the history
        save("marco", path(id), marcos, 2, "save", "Marco's change").andExpect(redirectedUrl(path(id)));
        assertThat(fixtures.revisionText(id, 3)).isEqualTo(marcos);
        assertThat(fixtures.revisionText(id, 2)).isEqualTo(annas);
    }

    @Test
    void savingTheSameTextAgainAddsNoRevision() throws Exception {
        long id = add("save");
        save("anna", path(id), english, 1, "save", "Nothing").andExpect(redirectedUrl(path(id)));
        assertThat(fixtures.revisionCount(id)).isEqualTo(1);
    }

    @Test
    void theMarkdownIsExportedExactlyAsStored() throws Exception {
        String text = english.replace("Test note.", "Test note — «quoted», “curly”, Қазақстан, 🙂.");
        save("anna", "/admin/translations", text, 0, "save", "First").andExpect(status().is3xxRedirection());
        long id = fixtures.translationId(work, "en");

        MvcResult export = mvc.perform(get(path(id) + "/export").with(user("marco").roles("EDITOR")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/markdown;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + work + ".en.md\""))
                .andReturn();
        assertThat(export.getResponse().getContentAsByteArray()).isEqualTo(fixtures.revisionText(id, 1).getBytes(StandardCharsets.UTF_8));
        assertThat(fixtures.revisionText(id, 1)).isEqualTo(text);
    }

    @Test
    void aTranslationFromTheContentFolderSavedOnTheSiteIsNoLongerReplacedByItsFile(@TempDir Path content) throws Exception {
        long id = fixtures.write(english, TranslationOrigin.CONTENT, PublicationStatus.PUBLISHED);
        save("anna", path(id), english.replace("Test note.", "Edited on the site."), 1, "save", "Edited")
                .andExpect(redirectedUrl(path(id)));
        assertThat(jdbc.queryForObject("select origin from translation where id = ?", String.class, id)).isEqualTo("EDITOR");

        Files.createDirectories(content.resolve("works"));
        Files.writeString(content.resolve("works").resolve(work + ".yml"), "reference: en\n");
        Files.createDirectories(content.resolve("en"));
        Files.writeString(content.resolve("en").resolve(work + ".md"), english.replace("Test note.", "Changed in the file."));
        var outcome = new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).execute(tx ->
                context.getBean(ContentImport.class).importAll(new ContentFolder(content), new TranslationWriter(jdbc)));
        assertThat(outcome.keptEditorVersion()).isEqualTo(1);
        assertThat(fixtures.revisionCount(id)).isEqualTo(2);
        assertThat(fixtures.revisionText(id, 2)).contains("Edited on the site.");
    }

    @Test
    void aPublishThatFailsLeavesThePublishedTextAndAnnouncesNothing() throws Exception {
        long id = add("publish");
        save("marco", path(id), english.replace("Second test answer.", "Never published."), 1, "save", "Change")
                .andExpect(redirectedUrl(path(id)));
        String before = publicText();

        // the payload's type is erased: the listener hears every payload event of the transaction and fails on this one
        ApplicationListener<?> failure = TransactionalApplicationListener.<Object>forPayload(
                TransactionPhase.BEFORE_COMMIT, event -> {
                    if (event instanceof TranslationChanged) {
                        throw new IllegalStateException("the disk is full");
                    }
                });
        context.addApplicationListener(failure);
        try (var events = new RecordedEvents(context)) {
            assertThatThrownBy(() -> editing.publish(id, 2, "marco")).hasMessage("the disk is full");
            assertThat(events.committed()).as("the index hears of committed changes only").isEmpty();
        } finally {
            context.removeApplicationListener(failure);
        }

        assertThat(publicText()).isEqualTo(before).contains("Second test answer.");
        assertThat(jdbc.queryForObject("select published_revision from translation where id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'TRANSLATION_PUBLISHED' and detail like ?",
                Integer.class, "%" + work + ", revision 2")).as("the audit line rolled back with the change").isZero();
    }

    @Test
    void withdrawingATranslationHidesItFromReadersAndKeepsItsHistory() throws Exception {
        long id = add("publish");
        try (var events = new RecordedEvents(context)) {
            mvc.perform(post(path(id) + "/unpublish").with(user("anna").roles("EDITOR")).with(csrf()))
                    .andExpect(redirectedUrl(path(id)));
            assertThat(events.committed()).containsExactly(id);
        }
        assertThat(publicText()).isEqualTo("(404)");
        assertThat(fixtures.revisionCount(id)).isEqualTo(1);
        assertThat(page("/admin", "anna").select("tr:contains(" + work + ") .state.draft")).isNotEmpty();
    }
}
