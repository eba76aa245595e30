package org.kzarchive.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;

class SubmittedMarkdownTest {

    @Test
    void anUploadedFileReplacesThePastedText() {
        var file = new MockMultipartFile("upload", "de.md", "text/markdown", "Aus der Datei\r\n".getBytes(StandardCharsets.UTF_8));
        var result = SubmittedMarkdown.read("pasted", file);
        assertThat(result.text()).isEqualTo("Aus der Datei\n");
        assertThat(result.fromUpload()).isEqualTo("de.md");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void pastedTextLosesItsWindowsLineEndsAndByteOrderMark() {
        assertThat(SubmittedMarkdown.read("\uFEFFone\r\ntwo\rthree", null).text()).isEqualTo("one\ntwo\nthree");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithTheWayToFixIt() {
        var latin1 = new MockMultipartFile("upload", "ru.md", "text/markdown", "Città".getBytes(StandardCharsets.ISO_8859_1));
        var result = SubmittedMarkdown.read("kept", latin1);
        assertThat(result.text()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("The file 'ru.md' is not UTF-8 text.");
            assertThat(p.fix()).contains("UTF-8");
        });
    }

    @Test
    void aUtf16FileIsRefusedAsNotUtf8() {
        var utf16 = new MockMultipartFile("upload", "ru.md", "text/markdown", "---\ntitle: x".getBytes(StandardCharsets.UTF_16LE));
        assertThat(SubmittedMarkdown.read("", utf16).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not UTF-8"));
    }

    @Test
    void aFileOverOneMegabyteIsRefused() {
        var large = new MockMultipartFile("upload", "big.md", "text/markdown", new byte[SubmittedMarkdown.MAX_BYTES + 1]);
        assertThat(SubmittedMarkdown.read("", large).problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("The file 'big.md' is too large (1.0 MB).");
            assertThat(p.fix()).contains("The limit is 1 MB");
        });
    }

    @Test
    void pastedTextOverOneMegabyteIsRefused() {
        assertThat(SubmittedMarkdown.read("x".repeat(SubmittedMarkdown.MAX_BYTES + 1), null).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("The text is too large"));
    }

    @Test
    void onlyMarkdownFilesAreAccepted() {
        var word = new MockMultipartFile("upload", "de.docx", "application/octet-stream", new byte[] {1, 2});
        assertThat(SubmittedMarkdown.read("", word).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("The file 'de.docx' is not a Markdown file."));
    }
}
