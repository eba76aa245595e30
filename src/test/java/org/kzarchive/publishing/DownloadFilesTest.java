package org.kzarchive.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.system.ApplicationBuild;
import org.kzarchive.system.ArchiveProperties;
import org.kzarchive.system.PublicAddress;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/** Downloads kept on disk: a restart reads them instead of making them again, and never reads another revision's. */
@ArchiveIntegrationTest
class DownloadFilesTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    EditionRevisions revisions;

    @Autowired
    EpubWriter epub;

    @Autowired
    PdfEditions pdf;

    @Autowired
    DownloadFiles files;

    @TempDir
    Path elsewhere;

    /** The seed's Italian edition as of a revision no other test made files of. */
    private EditionRevision revisionPublishedAt(Instant at) {
        EditionRevision published = revisions.published("it", "kazakistan-dopo-la-rivolta").orElseThrow();
        return new EditionRevision(published.edition(), at, published.markdown());
    }

    /** What the application has after a restart: nothing in memory, the same data folder. */
    private Downloads afterARestart(DownloadFiles kept) {
        return new Downloads(revisions, epub, pdf, kept);
    }

    private DownloadFiles filesUnder(Path dataDir, String publicUrl) {
        return new DownloadFiles(new ArchiveProperties(dataDir, Path.of("content")),
                new PublicAddress(new MockEnvironment().withProperty("archive.public-url", publicUrl)),
                context.getBean(ApplicationBuild.class));
    }

    @Test
    void theApplicationKnowsItsBuildSoThatANewBuildMakesItsOwnFiles() {
        assertThat(context.getBean(ApplicationBuild.class).identity()).doesNotStartWith("unknown@").contains("@");
    }

    @Test
    void afterARestartAFileIsReadFromDiskInsteadOfMadeAgain() throws Exception {
        EditionRevision revision = revisionPublishedAt(Instant.parse("2031-01-01T10:00:00Z"));
        Downloads first = afterARestart(files);
        Download made = first.of(revision, DownloadFormat.EPUB);
        assertThat(first.builds()).isEqualTo(1);
        assertThat(Files.readAllBytes(files.path(revision, DownloadFormat.EPUB))).isEqualTo(made.bytes());

        Downloads restarted = afterARestart(files);
        Download read = restarted.of(revision, DownloadFormat.EPUB);
        assertThat(restarted.builds()).as("nothing made again").isZero();
        assertThat(read.bytes()).isEqualTo(made.bytes());
        assertThat(read.etag()).isEqualTo(made.etag());
    }

    @Test
    void aFileOfAnotherRevisionIsNeverReadAndTheNewerOneReplacesIt() {
        EditionRevision older = revisionPublishedAt(Instant.parse("2031-02-01T10:00:00Z"));
        EditionRevision newer = new EditionRevision(older.edition(), older.updatedAt().plusSeconds(60), older.markdown() + "\nUna riga in più.\n");
        afterARestart(files).of(older, DownloadFormat.MARKDOWN);
        assertThat(files.path(older, DownloadFormat.MARKDOWN)).exists();

        Downloads restarted = afterARestart(files);
        Download current = restarted.of(newer, DownloadFormat.MARKDOWN);
        assertThat(restarted.builds()).as("the newer revision is made, not read from the older file").isEqualTo(1);
        assertThat(new String(current.bytes(), java.nio.charset.StandardCharsets.UTF_8)).endsWith("Una riga in più.\n");
        assertThat(files.path(newer, DownloadFormat.MARKDOWN)).exists();
        assertThat(files.path(older, DownloadFormat.MARKDOWN)).as("one file per edition and format").doesNotExist();
    }

    @Test
    void anotherPublicAddressHasItsOwnFilesSinceTheFilesCarryItsLinks() {
        EditionRevision revision = revisionPublishedAt(Instant.parse("2031-03-01T10:00:00Z"));
        assertThat(filesUnder(elsewhere, "https://archivio.example.org").path(revision, DownloadFormat.PDF))
                .isNotEqualTo(filesUnder(elsewhere, "https://archive.example.net").path(revision, DownloadFormat.PDF));
    }

    @Test
    void aFolderThatCannotBeWrittenOnlyMeansTheFileIsMadeAgain() throws Exception {
        // where the folder should be there is a file: nothing can be created under it
        Files.writeString(elsewhere.resolve("downloads"), "not a folder");
        DownloadFiles unwritable = filesUnder(elsewhere, "https://archivio.example.org");
        EditionRevision revision = revisionPublishedAt(Instant.parse("2031-04-01T10:00:00Z"));

        Download made = afterARestart(unwritable).of(revision, DownloadFormat.MARKDOWN);
        assertThat(made.bytes()).isEqualTo(revision.markdown().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(unwritable.read(revision, DownloadFormat.MARKDOWN)).isEmpty();
        Downloads restarted = afterARestart(unwritable);
        assertThat(restarted.of(revision, DownloadFormat.MARKDOWN).bytes()).isEqualTo(made.bytes());
        assertThat(restarted.builds()).isEqualTo(1);
    }
}
