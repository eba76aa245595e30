package org.kzarchive.editing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.kzarchive.archive.BlockKind;
import org.kzarchive.archive.Languages;
import org.kzarchive.archive.NoteKind;
import org.kzarchive.importing.ParsedTranslation;

/**
 * How a translation lines up with its work's reference edition, by keys: every heading, passage,
 * figure, editorial note, author's note and timeline event of the reference should have its
 * counterpart (a split block counts once, a merged block counts for each key it renders). What is
 * missing or extra is a warning for the editor, never an error: a translation may be unfinished.
 *
 * @param originalLanguage the language of the reference edition
 */
public record AlignmentReport(String originalLanguage, List<Part> parts) {

    /**
     * @param name    message key of the part's name (alignment.part.*)
     * @param missing keys the reference has and the translation lacks; @param extra the reverse
     */
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
                part("alignment.part.sections", original, translation, t -> t.sections().stream()
                        .filter(s -> s.title() != null).map(ParsedTranslation.Section::anchor).toList()),
                part("alignment.part.passages", original, translation, t -> keys(t, b -> b.kind() != BlockKind.FIGURE
                        && b.kind() != BlockKind.EDITORIAL)),
                part("alignment.part.figures", original, translation, t -> keys(t, b -> b.kind() == BlockKind.FIGURE)),
                part("alignment.part.editorial", original, translation, t -> keys(t, b -> b.kind() == BlockKind.EDITORIAL)),
                part("alignment.part.notes", original, translation, t -> t.footnotes().stream()
                        .filter(f -> f.kind() == NoteKind.AUTHOR).map(f -> "[^" + f.label() + "]").toList()),
                part("alignment.part.timeline", original, translation, t -> t.timeline().stream()
                        .map(ParsedTranslation.TimelineEntry::key).toList()));
        return new AlignmentReport(originalLanguage, parts);
    }

    private static List<String> keys(ParsedTranslation t, java.util.function.Predicate<ParsedTranslation.Block> which) {
        Set<String> keys = new LinkedHashSet<>();
        t.blocks().stream().filter(which).forEach(b -> keys.addAll(b.keys()));
        return List.copyOf(keys);
    }

    private static Part part(String name, ParsedTranslation original, ParsedTranslation translation,
                             Function<ParsedTranslation, List<String>> keys) {
        List<String> theirs = keys.apply(original);
        List<String> ours = keys.apply(translation);
        return new Part(name, theirs.size(), ours.size(), minus(theirs, ours), minus(ours, theirs));
    }

    private static List<String> minus(List<String> a, List<String> b) {
        Set<String> other = Set.copyOf(b);
        List<String> result = new ArrayList<>();
        a.stream().filter(k -> !other.contains(k)).forEach(result::add);
        return result;
    }
}
