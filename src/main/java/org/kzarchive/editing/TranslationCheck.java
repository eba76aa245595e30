package org.kzarchive.editing;

import java.util.Comparator;
import java.util.List;

import org.kzarchive.importing.FrontMatterFields;
import org.kzarchive.importing.InvalidContentException;
import org.kzarchive.importing.ParsedTranslation;
import org.kzarchive.archive.RenderedTranslation;
import org.kzarchive.importing.TranslationParser;
import org.kzarchive.importing.TranslationRenderer;

import org.springframework.stereotype.Component;

/**
 * Checks an editor's Markdown with the same parser and renderer as the content import, and
 * tells every problem with its line in the text the editor will see again in the form.
 */
@Component
public class TranslationCheck {

    private final TranslationParser parser;
    private final TranslationRenderer renderer;

    TranslationCheck(TranslationParser parser, TranslationRenderer renderer) {
        this.parser = parser;
        this.renderer = renderer;
    }

    /**
     * @param markdown the text to show in the form again: the submitted one with the form's fields
     *                 written into its front matter (or as sent, when it could not be read)
     * @param rendered null unless there are no problems
     */
    public record Outcome(String markdown, ParsedTranslation parsed, RenderedTranslation rendered, List<ProblemView> problems) {

        public boolean ok() {
            return rendered != null && problems.isEmpty();
        }
    }

    /** The form's text (or uploaded file) with the form's fields written into its front matter. */
    Outcome check(TranslationForm form) {
        var submitted = SubmittedMarkdown.read(form.getMarkdown(), form.getUpload());
        if (submitted.text() == null) {
            return new Outcome(form.getMarkdown(), null, null, submitted.problems());
        }
        return check(FrontMatterFields.apply(submitted.text(), form.frontMatter()));
    }

    public Outcome check(String markdown) {
        List<String> lines = List.of(markdown.split("\n", -1));
        try {
            ParsedTranslation parsed = parser.parse("text", markdown);
            return new Outcome(markdown, parsed, renderer.render(parsed), List.of());
        } catch (InvalidContentException e) {
            List<ProblemView> problems = e.problems().stream()
                    .map(p -> ProblemView.of(p, lines))
                    .sorted(Comparator.comparing(ProblemView::line, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            return new Outcome(markdown, null, null, problems);
        }
    }
}
