package org.kzarchive.importing;

import org.kzarchive.archive.RenderedTranslation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranslationRendererTest {

    private final TranslationParser parser = new TranslationParser();
    private final TranslationRenderer renderer = new TranslationRenderer(new MarkdownRenderer());

    private RenderedTranslation render(String body) {
        return renderer.render(parser.parse("t.md", "---\nwork: w\nlanguage: it\ntitle: T\n---\n" + body));
    }

    @Test
    void footnoteReferencesLinkToTheirNoteAndTheNoteKnowsEveryCitation() {
        var rendered = render("Uno,[^1] due. {#a}\n\nTre[^1] e quattro[^b]. {#b}\n\n[^1]: Prima nota.\n\n[^b]: Seconda *nota*.\n");
        var blocks = rendered.sections().get(0).blocks();
        assertThat(blocks.get(0).html()).isEqualTo(
                "<p>Uno,<sup class=\"fnref\"><a id=\"ref-1\" href=\"#note-1\" role=\"doc-noteref\">1</a></sup> due.</p>");
        assertThat(blocks.get(1).html()).contains("id=\"ref-1-2\" href=\"#note-1\"").contains("id=\"ref-b\" href=\"#note-b\" role=\"doc-noteref\">b</a>");
        assertThat(blocks.get(0).plainText()).isEqualTo("Uno, due.");
        assertThat(rendered.footnotes()).hasSize(2);
        assertThat(rendered.footnotes().get(0).references()).extracting(RenderedTranslation.Reference::anchor)
                .containsExactly("ref-1", "ref-1-2");
        assertThat(rendered.footnotes().get(1).html()).isEqualTo("<p>Seconda <em>nota</em>.</p>");
    }

    @Test
    void aTranslatorsNoteIsMarkedAsSuchAndTheAuthorsNoteKeepsItsNumber() {
        var rendered = render("Parola[^t1] e nota dell'autore.[^1] {#a}\n\n[^1]: Dell'autore.\n\n[^t1]: Del traduttore.\n");
        String html = rendered.sections().get(0).blocks().get(0).html();
        assertThat(html).contains("<sup class=\"fnref translator-note\"><a id=\"ref-t1\" href=\"#note-t1\" role=\"doc-noteref\">t1</a></sup>")
                .contains("<a id=\"ref-1\" href=\"#note-1\" role=\"doc-noteref\">1</a>");
        assertThat(rendered.footnotes()).extracting(RenderedTranslation.Footnote::anchor).containsExactly("note-t1", "note-1");
    }

    @Test
    void rawHtmlIsSanitized() {
        var rendered = render("Ciao <script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3)) <b onclick=\"x()\">b</b> {#a}\n");
        String html = rendered.sections().get(0).blocks().get(0).html();
        assertThat(html).doesNotContain("<script", "onerror", "javascript:", "onclick", "<img");
        assertThat(html).contains("<b>b</b>");
    }
}
