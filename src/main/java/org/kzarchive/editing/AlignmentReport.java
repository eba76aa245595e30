package org.kzarchive.editing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.kzarchive.archive.BlockKind;
import org.kzarchive.archive.Languages;
import org.kzarchive.importing.ParsedTranslation;

/**
 * How a translation lines up with its work's original, part by part: sections, interview questions
 * and answers, figures, footnotes and timeline events, matched one to one by their ids. What is
 * missing or extra is a warning for the editor, never an error: a translation may differ on purpose.
 *
 * @param originalLanguage the language of the text compared with
 */
public record AlignmentReport(String originalLanguage, List<Part> parts) {

    /** @param missing ids the original has and the translation lacks; @param extra the reverse */
    public record Part(String name, int original, int translation, List<String> missing, List<String> extra) {

        public boolean matches() {
            return missing.isEmpty() && extra.isEmpty();
        }
    }

    public boolean aligned() {
        return parts.stream().allMatch(Part::matches);
    }

    public String originalLanguageName() {
        return Languages.nativeName(originalLanguage);
    }

    static AlignmentReport compare(String originalLanguage, ParsedTranslation original, ParsedTranslation translation) {
        List<Part> parts = List.of(
                part("Sections", original, translation, t -> t.sections().stream().map(ParsedTranslation.Section::anchor).toList()),
                part("Interview questions", original, translation, t -> blocks(t, BlockKind.QUESTION).stream()
                        .map(b -> "question " + b.exchange() + " (" + b.anchor() + ")").toList()),
                part("Interview answers", original, translation, t -> blocks(t, BlockKind.ANSWER).stream()
                        .map(ParsedTranslation.Block::exchange).filter(Objects::nonNull).distinct()
                        .map(n -> "answer to question " + n).toList()),
                part("Figures", original, translation, t -> blocks(t, BlockKind.FIGURE).stream().map(ParsedTranslation.Block::anchor).toList()),
                part("Footnotes", original, translation, t -> t.footnotes().stream().map(ParsedTranslation.Footnote::anchor).toList()),
                part("Timeline events", original, translation, t -> t.timeline().stream()
                        .map(e -> e.dateStart() + (e.dateEnd() == null ? "" : ".." + e.dateEnd()) + " → " + e.target()).toList()));
        return new AlignmentReport(originalLanguage, parts);
    }

    private static List<ParsedTranslation.Block> blocks(ParsedTranslation t, BlockKind kind) {
        return t.sections().stream().flatMap(s -> s.blocks().stream()).filter(b -> b.kind() == kind).toList();
    }

    private static Part part(String name, ParsedTranslation original, ParsedTranslation translation,
                             Function<ParsedTranslation, List<String>> ids) {
        List<String> theirs = ids.apply(original);
        List<String> ours = ids.apply(translation);
        return new Part(name, theirs.size(), ours.size(), minus(theirs, ours), minus(ours, theirs));
    }

    /** a − b, counting repeats: each id of b cancels one equal id of a */
    private static List<String> minus(List<String> a, List<String> b) {
        Map<String, Integer> left = new LinkedHashMap<>();
        b.forEach(id -> left.merge(id, 1, Integer::sum));
        List<String> result = new ArrayList<>();
        for (String id : a) {
            Integer n = left.get(id);
            if (n == null || n == 0) {
                result.add(id);
            } else {
                left.put(id, n - 1);
            }
        }
        return result;
    }
}
