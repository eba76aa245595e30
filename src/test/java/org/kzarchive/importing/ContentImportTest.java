package org.kzarchive.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzarchive.ArchiveIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

@ArchiveIntegrationTest
@Transactional // each test's writes are rolled back
class ContentImportTest {

    private static final String FILE = """
            ---
            work: prova-di-import
            language: en
            title: An import test
            ---

            First paragraph.[^1] {#first}

            ## Part {#part}

            Q: A question? {#question}

            A: An answer. {#answer}

            [^1]: A note.
            """;

    @Autowired
    ContentImport contentImport;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path content;

    private ContentFolder folderWith(String language, String name, String text) throws Exception {
        Files.createDirectories(content.resolve(language));
        Files.writeString(content.resolve(language).resolve(name), text);
        Files.createDirectories(content.resolve("works"));
        Path work = content.resolve("works").resolve(name.replace(".md", ".yml"));
        if (!Files.exists(work)) {
            Files.writeString(work, "reference: en\nauthor: Someone\n");
        }
        return new ContentFolder(content);
    }

    private int rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    @Test
    void importingTheSameFolderTwiceChangesNothing() throws Exception {
        ContentFolder folder = folderWith("en", "prova-di-import.md", FILE);
        var first = contentImport.importAll(folder, new TranslationWriter(jdbc));
        assertThat(first.imported()).isEqualTo(1);
        int blocks = rows("block");
        long version = jdbc.queryForObject("select version from translation where title = 'An import test'", Long.class);

        var second = contentImport.importAll(folder, new TranslationWriter(jdbc));

        assertThat(second.imported()).isZero();
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(rows("block")).isEqualTo(blocks);
        assertThat(jdbc.queryForObject("select version from translation where title = 'An import test'", Long.class)).isEqualTo(version);
    }

    @Test
    void aChangedFileReplacesItsTranslation() throws Exception {
        contentImport.importAll(folderWith("en", "prova-di-import.md", FILE), new TranslationWriter(jdbc));
        var again = contentImport.importAll(folderWith("en", "prova-di-import.md", FILE.replace("An answer.", "A longer answer.")),
                new TranslationWriter(jdbc));
        assertThat(again.imported()).isEqualTo(1);
        assertThat(jdbc.queryForList("select plain_text from block b join translation t on t.id = b.translation_id where t.title = 'An import test' and b.kind = 'ANSWER'", String.class))
                .containsExactly("A longer answer.");
    }

    @Test
    void aTranslationEditedOnTheSiteIsNeverOverwrittenByItsFile() throws Exception {
        contentImport.importAll(folderWith("en", "prova-di-import.md", FILE), new TranslationWriter(jdbc));
        jdbc.update("update translation set origin = 'EDITOR' where title = 'An import test'");

        var outcome = contentImport.importAll(folderWith("en", "prova-di-import.md", FILE.replace("An answer.", "Changed in the file.")),
                new TranslationWriter(jdbc));

        assertThat(outcome.keptEditorVersion()).isEqualTo(1);
        assertThat(jdbc.queryForList("select plain_text from block where kind = 'ANSWER' and plain_text like 'Changed%'", String.class)).isEmpty();
    }

    @Test
    void aBrokenFileStopsTheImportWithFileAndLineAndWritesNothing() throws Exception {
        folderWith("en", "prova-di-import.md", FILE);
        ContentFolder folder = folderWith("en", "rotto.md", FILE.replace("work: prova-di-import", "work: rotto")
                .replace("First paragraph.[^1]", "First paragraph.[^2]"));
        int translations = rows("translation");

        assertThatThrownBy(() -> contentImport.importAll(folder, new TranslationWriter(jdbc)))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("/en/rotto.md:7: The footnote reference [^2] has no note.")
                .hasMessageContaining("/en/rotto.md:15: The note [^1] is never referenced.");
        assertThat(rows("translation")).isEqualTo(translations);
    }

    @Test
    void theWorksFactsComeFromItsWorkFile() throws Exception {
        contentImport.importAll(folderWith("en", "prova-di-import.md", FILE), new TranslationWriter(jdbc));
        assertThat(jdbc.queryForObject("select author || ' ' || reference_language from work where slug = 'prova-di-import'", String.class))
                .isEqualTo("Someone en");
    }

    @Test
    void aWorkWithoutWorkFileIsRefused() throws Exception {
        ContentFolder folder = folderWith("en", "prova-di-import.md", FILE);
        Files.delete(content.resolve("works").resolve("prova-di-import.yml"));
        assertThatThrownBy(() -> contentImport.importAll(folder, new TranslationWriter(jdbc)))
                .hasMessageContaining("/en/prova-di-import.md:1: The work 'prova-di-import' has no work file.")
                .hasMessageContaining("content/works/prova-di-import.yml");
    }

    @Test
    void aTranslationNamingAKeyTheReferenceLacksIsRefusedOnItsLine() throws Exception {
        folderWith("en", "prova-di-import.md", FILE);
        ContentFolder folder = folderWith("it", "prova-di-import.md", FILE.replace("language: en", "language: it")
                .replace("A: An answer. {#answer}", "A: Una risposta. {#risposta}"));
        assertThatThrownBy(() -> contentImport.importAll(folder, new TranslationWriter(jdbc)))
                .hasMessageContaining("/it/prova-di-import.md:13: The key 'risposta' is not a key of the reference edition");
    }

    @Test
    void aTranslatorsNoteIsAcceptedButAnAuthorsNoteTheReferenceLacksIsNot() throws Exception {
        folderWith("en", "prova-di-import.md", FILE);
        ContentFolder folder = folderWith("it", "prova-di-import.md", FILE.replace("language: en", "language: it")
                .replace("A: An answer. {#answer}", "A: Una risposta.[^t1][^9] {#answer}") + "\n[^t1]: Nota del traduttore.\n\n[^9]: Inventata.\n");
        assertThatThrownBy(() -> contentImport.importAll(folder, new TranslationWriter(jdbc)))
                .hasMessageContaining("The note [^9] is not one of the author's notes")
                .hasMessageNotContaining("[^t1] is not");
    }

    @Test
    void aFileInTheWrongLanguageFolderIsRefused() throws Exception {
        ContentFolder folder = folderWith("de", "prova-di-import.md", FILE);
        assertThatThrownBy(() -> contentImport.importAll(folder, new TranslationWriter(jdbc)))
                .hasMessageContaining("/de/prova-di-import.md:3: The file is in the folder 'de' but says 'language: en'.");
    }
}
