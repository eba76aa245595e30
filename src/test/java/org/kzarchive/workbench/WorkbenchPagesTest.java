package org.kzarchive.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.accounts.LanguageAccess;
import org.kzarchive.system.PagesRenderedAgain;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The workbench's pages: sections, saves, conflicts, checks, publication as readers see it, imports and round trips. */
@ArchiveIntegrationTest
class WorkbenchPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Workbench workbench;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LanguageAccess access;

    private WorkbenchFixtures fixtures;
    private String work;
    private long german;

    private static final RequestPostProcessor ANNA = user("anna").roles("EDITOR");
    private static final RequestPostProcessor BORIS = user("boris").roles("EDITOR");

    @BeforeEach
    void setUp() {
        fixtures = new WorkbenchFixtures(context);
        work = fixtures.newWork();
        german = workbench.start(fixtures.id(work, "it"), "de", "anna");
    }

    @AfterEach
    void tearDown() {
        fixtures.removeWorks();
        jdbc.update("delete from editor where username = 'limited-translator'");
    }

    @Test
    void theWorkbenchShowsEachReferencePassageBesideItsFieldWithTheSectionsProgress() throws Exception {
        Document page = page(get(workbenchPath() + "?section=sezione"));

        assertThat(page.select(".passage .source[lang=it]").eachText()).anyMatch(t -> t.contains("Il secondo paragrafo"));
        assertThat(page.select(".passage textarea[lang=de]")).hasSize(3);
        assertThat(page.select("nav.sections li")).extracting(e -> e.text()).anyMatch(t -> t.startsWith("Una sezione"));
        assertThat(page.select(".progress").text()).contains("0% translated").contains("missing");
    }

    @Test
    void savingTheSectionStoresTheChangedPassagesAsDraftsWithWhoAndWhen() throws Exception {
        mvc.perform(save("sezione", row("sezione-1", 0, "Der zweite Absatz."), row("sezione-2", 0, ""))).andExpect(status().is3xxRedirection());

        Document page = page(get(workbenchPath() + "?section=sezione"));
        assertThat(page.select("#t-sezione-1").text()).isEqualTo("Der zweite Absatz.");
        assertThat(page.select("#p-sezione-1 .passage-status").text()).contains("Saved by anna");
        Document history = page(get(workbenchPath() + "/history?key=sezione-1"));
        assertThat(history.select("td").eachText()).contains("anna", "Der zweite Absatz.");
        assertThat(jdbc.queryForList("select detail from audit_event where action = 'WORKBENCH_SAVED'", String.class))
                .anyMatch(d -> d.startsWith("de/" + work + ": sezione-1"));
    }

    @Test
    void twoTranslatorsOnDifferentPassagesNeverConflict() throws Exception {
        mvc.perform(save("sezione", row("sezione-1", 0, "Anna schreibt."))).andExpect(status().is3xxRedirection());
        mvc.perform(save("sezione", BORIS, row("sezione-2", 0, "Boris schreibt."))).andExpect(status().is3xxRedirection());

        var view = workbench.view(german);
        assertThat(view.row("sezione-1").text()).isEqualTo("Anna schreibt.");
        assertThat(view.row("sezione-2").text()).isEqualTo("Boris schreibt.");
    }

    @Test
    void theSamePassageSavedByTwoIsRefusedForTheSecondWithBothTexts() throws Exception {
        mvc.perform(save("sezione", row("sezione-1", 0, "Annas Fassung."))).andExpect(status().is3xxRedirection());

        var answer = mvc.perform(save("sezione", BORIS, row("sezione-1", 0, "Boris' Fassung."))).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(answer);
        assertThat(page.select("#t-sezione-1").text()).isEqualTo("Boris' Fassung.");
        assertThat(page.select("#p-sezione-1 .conflict").text()).contains("anna saved this passage meanwhile").contains("Annas Fassung.");
        assertThat(workbench.view(german).row("sezione-1").text()).isEqualTo("Annas Fassung.");
    }

    @Test
    void wrongInlineMarkdownIsShownBesideThePassageAndItsTextKept() throws Exception {
        var answer = mvc.perform(save("sezione", row("sezione-1", 0, "Ein *offener Satz."), row("sezione-2", 0, "Ein Zitat.")))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(answer);
        assertThat(page.select("#p-sezione-1 .field-error").text()).contains("'*' for italics is not closed");
        assertThat(page.select("#t-sezione-1").text()).isEqualTo("Ein *offener Satz.");
        assertThat(workbench.view(german).row("sezione-2").text()).isEqualTo("Ein Zitat.");
        assertThat(InlineMarkdownCheck.problem(UnitKind.PARAGRAPH, "Siehe [^9].", java.util.Set.of("1"))).contains("[^9] does not exist");
        assertThat(InlineMarkdownCheck.problem(UnitKind.PARAGRAPH, "[Link](javascript:alert(1))", java.util.Set.of())).contains("not an address");
    }

    @Test
    void theScriptSavesOnePassageAndIsToldItsState() throws Exception {
        String json = mvc.perform(post(workbenchPath() + "/passage").param("key", "sezione-1").param("base", "0")
                        .param("text", "Per Skript gespeichert.").with(ANNA).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(json).contains("\"state\":\"TRANSLATED\"").contains("\"base\":1");
        mvc.perform(post(workbenchPath() + "/passage").param("key", "sezione-1").param("base", "0")
                .param("text", "Zu spät.").with(BORIS).with(csrf())).andExpect(status().isConflict());
    }

    @Test
    void aPartialPublicationIsAnExplicitChoiceAndReadersSeeTheFallbackMarkedInItsLanguage() throws Exception {
        mvc.perform(save("sezione", row("sezione-1", 0, "Der zweite Absatz spricht vom Platz."))).andExpect(status().is3xxRedirection());

        mvc.perform(post(workbenchPath() + "/publish").with(ANNA).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from translation where id = ?", String.class, german)).isEqualTo("DRAFT");

        mvc.perform(post(workbenchPath() + "/publish").param("partial", "true").with(ANNA).with(csrf()))
                .andExpect(status().is3xxRedirection());

        Document reader = Jsoup.parse(mvc.perform(get("/de/" + work)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(reader.select("#sezione-1").attr("lang")).isEmpty();
        assertThat(reader.select("#sezione-1").text()).contains("Der zweite Absatz");
        assertThat(reader.select("#sezione-2").attr("lang")).isEqualTo("it");
        assertThat(reader.select("#sezione-2 .passage-mark").text()).isNotEmpty();
        assertThat(reader.select("#sezione-2 .passage-mark").attr("lang")).isEqualTo("de");
        assertThat(reader.select(".completeness").text()).contains("%");
        // the workbench's passages are still untranslated, not the Italian that stands in for them
        assertThat(workbench.view(german).row("sezione-2").state()).isEqualTo(PassageState.MISSING);
        assertThat(jdbc.queryForList("select action from audit_event where detail like ?", String.class, "de/" + work + "%"))
                .contains("TRANSLATION_PUBLISHED", "WORKBENCH_SAVED");
    }

    @Test
    void readersSeeADiscreetMarkerOnAPassageWhoseOriginalChanged() throws Exception {
        mvc.perform(save("sezione", row("sezione-1", 0, "Der zweite Absatz spricht vom Platz und der Menge."))).andExpect(status().is3xxRedirection());
        mvc.perform(post(workbenchPath() + "/publish").param("partial", "true").with(ANNA).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("message"));
        assertThat(Jsoup.parse(mvc.perform(get("/de/" + work)).andReturn().getResponse().getContentAsString())
                .select("#sezione-1 .passage-mark")).isEmpty();

        fixtures.reviseReference(work, t -> t.replace("parla della piazza e della folla", "parla della piazza vuota"), false);
        PagesRenderedAgain.await(context);

        Document reader = Jsoup.parse(mvc.perform(get("/de/" + work)).andReturn().getResponse().getContentAsString());
        var mark = reader.select("#sezione-1 .passage-mark");
        assertThat(mark.text()).isNotEmpty();
        assertThat(mark.select("a").attr("href")).isEqualTo("/it/" + work + "#sezione-1");
        Document bench = page(get(workbenchPath() + "?section=sezione&filter=outdated"));
        assertThat(bench.select(".passage")).hasSize(1);
        assertThat(bench.select("#p-sezione-1 .source-diff del").text()).contains("e della folla");
        assertThat(bench.select("#p-sezione-1 .source-diff ins").text()).contains("vuota");
    }

    @Test
    void anEditorLimitedToOtherLanguagesCannotOpenTheWorkbench() throws Exception {
        context.getBean(org.kzarchive.accounts.EditorAccounts.class).create("limited-translator", "correct horse battery", false, "test");
        access.limit("limited-translator", "ru, uk");

        mvc.perform(get(workbenchPath()).with(user("limited-translator").roles("EDITOR"))).andExpect(status().isForbidden());
        assertThat(access.mayTranslate("limited-translator", "ru")).isTrue();
        access.limit("limited-translator", "de");
        mvc.perform(get(workbenchPath()).with(user("limited-translator").roles("EDITOR"))).andExpect(status().isOk());
    }

    @Test
    void anEditorLimitedToOtherLanguagesCannotChangeTheTranslationThroughTheWholeFileForm() throws Exception {
        context.getBean(org.kzarchive.accounts.EditorAccounts.class).create("limited-translator", "correct horse battery", false, "test");
        access.limit("limited-translator", "ru");
        var limited = user("limited-translator").roles("EDITOR");

        mvc.perform(post("/admin/translations/" + german).param("markdown", "anything").with(limited).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/translations/" + german + "/publish").param("revision", "1").with(limited).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/translations").param("work", work).param("language", "de").param("markdown", "anything")
                .with(limited).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void exportingEditingOfflineAndImportingThroughTheFormKeepsBlocksKeysAndStates() throws Exception {
        mvc.perform(save("sezione", row("sezione-1", 0, "Der zweite Absatz."), row("sezione-2", 0, "Ein Zitat.")));
        fixtures.reviseReference(work, t -> t.replace("Una citazione di prova.", "Una citazione corretta."), false);
        var before = OutdatedTrackingTest.states(workbench.view(german));

        String exported = mvc.perform(get(workbenchPath() + "/export").with(ANNA)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/admin/translations/" + german).param("work", work).param("language", "de").param("markdown", exported).param("baseRevision",
                String.valueOf(fixtures.headRevision(german))).with(ANNA).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(OutdatedTrackingTest.states(workbench.view(german))).isEqualTo(before)
                .containsEntry("sezione-1", PassageState.TRANSLATED).containsEntry("sezione-2", PassageState.OUTDATED)
                .containsEntry("intervista-1", PassageState.MISSING);
        assertThat(exported).contains("Der zweite Absatz. {#sezione-1}");

        String offline = exported.replace("Prima domanda di prova?", "Erste Testfrage?");
        mvc.perform(post("/admin/translations/" + german).param("work", work).param("language", "de").param("markdown", offline).param("baseRevision",
                String.valueOf(fixtures.headRevision(german))).with(ANNA).with(csrf())).andExpect(status().is3xxRedirection());
        var after = workbench.view(german);
        assertThat(after.row("intervista-1").text()).isEqualTo("Erste Testfrage?");
        assertThat(after.row("intervista-1").state()).isEqualTo(PassageState.TRANSLATED);
        assertThat(after.row("sezione-2").state()).isEqualTo(PassageState.OUTDATED);
    }

    @Test
    void aTranslationMadeElsewhereIsProposedRowsAndSavedAsDraftsOnlyWhenConfirmed() throws Exception {
        String plain = """
                Erster Absatz des Tests, mit einer Note.[^1]

                ::: figure
                Bildunterschrift.
                :::

                ## Ein Abschnitt

                Der zweite Absatz spricht vom Platz und der Menge.

                > Ein Testzitat.

                ## Interview

                Q: Erste Testfrage?

                A: Erste Testantwort.

                [^1]: Testnote.
                """;
        Document proposal = page(post("/admin/translations/" + german + "/import").param("markdown", plain).with(csrf()));
        assertThat(proposal.select(".import-row")).hasSizeGreaterThan(8);
        assertThat(proposal.select("textarea[name=text]").eachText()).contains("Der zweite Absatz spricht vom Platz und der Menge.");
        assertThat(workbench.view(german).progress().translated()).isZero();

        var confirm = post("/admin/translations/" + german + "/import/rows").param("op", "confirm").with(ANNA).with(csrf());
        for (var row : proposal.select(".import-row")) {
            confirm.param("key", row.select("input[name=key]").val()).param("confidence", row.select("input[name=confidence]").val())
                    .param("text", row.select("textarea").text());
        }
        mvc.perform(confirm).andExpect(status().is3xxRedirection());

        var view = workbench.view(german);
        assertThat(view.row("sezione-1").text()).isEqualTo("Der zweite Absatz spricht vom Platz und der Menge.");
        assertThat(view.row("intervista-2").text()).isEqualTo("Erste Testantwort.");
        assertThat(view.row("1").text()).isEqualTo("Testnote.");
    }

    @Test
    void theImportRowsCanBeSwappedMergedSplitAndDetached() {
        var source = workbench.view(german).sections().stream().flatMap(s -> s.rows().stream()).map(Workbench.Row::source).limit(4).toList();
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(new ImportRow(source.get(i), "text " + i, 0.9, "1-1"));
        }
        List<String> loose = new ArrayList<>();
        ImportRow.apply("swap:0", rows, loose);
        assertThat(rows).extracting(ImportRow::text).containsExactly("text 1", "text 0", "text 2", "text 3");
        ImportRow.apply("merge:1", rows, loose);
        assertThat(rows).extracting(ImportRow::text).containsExactly("text 1", "text 0\ntext 2", "text 3", "");
        ImportRow.apply("split:1", rows, loose);
        assertThat(rows).extracting(ImportRow::text).containsExactly("text 1", "text 0", "text 2", "text 3");
        ImportRow.apply("detach:3", rows, loose);
        assertThat(rows.get(3).text()).isEmpty();
        assertThat(loose).containsExactly("text 3");
    }

    @Test
    void aNewLanguageStartsFromTheAdminListInOneClick() throws Exception {
        Document list = page(get("/admin"));
        assertThat(list.select("form.start-language button").text()).contains("Start translating");
        String location = mvc.perform(post("/admin/workbench/start").param("reference", String.valueOf(fixtures.id(work, "it")))
                .param("language", "fr").with(ANNA).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isEqualTo("/admin/translations/" + fixtures.id(work, "fr") + "/workbench");
        mvc.perform(post("/admin/workbench/start").param("reference", String.valueOf(fixtures.id(work, "it")))
                .param("language", "<b>").with(ANNA).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void aSectionIsPreviewedThroughThePublicTemplates() throws Exception {
        mvc.perform(save("sezione", row("sezione-1", 0, "Der zweite Absatz.")));

        Document preview = page(get(workbenchPath() + "/preview?section=sezione"));
        assertThat(preview.select("#sezione-1").text()).contains("Der zweite Absatz.");
        assertThat(preview.select("#sezione-2").attr("lang")).isEqualTo("it");
        assertThat(preview.select("#intervista-1")).isEmpty();
    }

    @Test
    void theFullTextsWorkbenchAnswersQuickly() throws Exception {
        long english = jdbc.queryForObject("select t.id from translation t join work w on w.id = t.work_id where w.slug = "
                + "'kazakistan-dopo-la-rivolta' and t.language = 'en'", Long.class);
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/admin/translations/" + english + "/workbench?section=intervista").with(ANNA)).andExpect(status().isOk());
        }
        long[] times = new long[15];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            mvc.perform(get("/admin/translations/" + english + "/workbench?section=intervista").with(ANNA)).andExpect(status().isOk());
            times[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(times);
        System.out.printf("Workbench of the full text (en, interview section): median %.1f ms, slowest %.1f ms%n",
                times[times.length / 2] / 1e6, times[times.length - 1] / 1e6);
        assertThat(workbench.view(english).progress().total()).isGreaterThan(150);
    }

    private String workbenchPath() {
        return "/admin/translations/" + german + "/workbench";
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(ANNA)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private record Row(String key, int base, String text) {
    }

    private static Row row(String key, int base, String text) {
        return new Row(key, base, text);
    }

    private MockHttpServletRequestBuilder save(String section, Row... rows) {
        return save(section, ANNA, rows);
    }

    private MockHttpServletRequestBuilder save(String section, RequestPostProcessor who, Row... rows) {
        var request = post(workbenchPath()).param("section", section).with(who).with(csrf());
        for (Row r : rows) {
            request.param("key", r.key()).param("base", String.valueOf(r.base())).param("text", r.text());
        }
        return request;
    }
}
