package org.kzarchive.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kzarchive.archive.NoteKind;
import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationMetadata;
import org.kzarchive.archive.TranslationOrigin;
import org.kzarchive.archive.WorkFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the content folder into the database. Every file is checked before anything is written,
 * each translation against its work's reference edition (every key it names must be one of the
 * reference's); a file whose text is already stored is left alone, and a translation an editor
 * has changed on the site is never overwritten by its file.
 */
public class ContentImport {

    private static final Logger log = LoggerFactory.getLogger(ContentImport.class);

    private final TranslationParser parser;
    private final TranslationRenderer renderer;

    public ContentImport(TranslationParser parser, TranslationRenderer renderer) {
        this.parser = parser;
        this.renderer = renderer;
    }

    public record Outcome(int imported, int unchanged, int keptEditorVersion) {
    }

    private record Checked(ContentFile file, ParsedTranslation parsed) {
    }

    public Outcome importAll(ContentFolder folder, TranslationWriter writer) {
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, WorkFacts> works = new HashMap<>();
        for (ContentFolder.WorkFile file : folder.works(problems)) {
            WorkFacts facts = WorkFileReader.read(file.name(), file.slug(), file.text(), problems);
            if (facts != null) {
                works.put(facts.slug(), facts);
            }
        }
        List<Checked> checked = new ArrayList<>();
        for (ContentFile file : folder.translations(problems)) {
            try {
                ParsedTranslation parsed = parser.parse(file.name(), file.text());
                checkPlace(file, parsed.metadata(), problems);
                checked.add(new Checked(file, parsed));
            } catch (InvalidContentException e) {
                problems.addAll(e.problems());
            }
        }
        checkAgainstReferences(checked, works, problems);
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        works.values().forEach(writer::writeWork);
        int imported = 0, unchanged = 0, kept = 0;
        for (Checked c : checked) {
            var meta = c.parsed().metadata();
            var existing = writer.find(meta.work(), meta.language());
            if (existing.isPresent() && existing.get().origin() == TranslationOrigin.EDITOR) {
                log.warn("{}: not imported, editors have changed this translation on the site; their text is kept", c.file().name());
                kept++;
            } else if (existing.isPresent() && existing.get().contentHash().equals(c.file().hash())) {
                unchanged++;
            } else {
                long id = writer.write(renderer.render(c.parsed()), c.file().text(), c.file().hash(), TranslationOrigin.CONTENT,
                        PublicationStatus.PUBLISHED);
                int revision = writer.recordRevision(id, c.file().text(), c.file().hash(), "content/",
                        "Imported from " + c.file().name(), Instant.now());
                writer.markPublished(id, revision);
                log.info("{}: imported", c.file().name());
                imported++;
            }
        }
        return new Outcome(imported, unchanged, kept);
    }

    /** Every work has its work file and its reference edition; every key a translation names is a key of the reference. */
    private static void checkAgainstReferences(List<Checked> checked, Map<String, WorkFacts> works, List<ContentProblem> problems) {
        Map<String, Checked> references = new HashMap<>();
        for (Checked c : checked) {
            String work = c.parsed().metadata().work();
            WorkFacts facts = works.get(work);
            if (facts == null) {
                problems.add(new ContentProblem(c.file().name(), 1, "The work '" + work + "' has no work file.",
                        "Create content/works/" + work + ".yml with at least 'reference: <language of the reference edition>'"
                                + " (content/README.md §1)."));
            } else if (c.parsed().metadata().language().equals(facts.reference())) {
                references.put(work, c);
            }
        }
        for (WorkFacts facts : works.values()) {
            boolean hasEditions = checked.stream().anyMatch(c -> c.parsed().metadata().work().equals(facts.slug()));
            if (hasEditions && !references.containsKey(facts.slug())) {
                problems.add(new ContentProblem("content/works/" + facts.slug() + ".yml", 1,
                        "The reference edition '" + facts.reference() + "' of the work '" + facts.slug() + "' is not in the content folder.",
                        "Add content/" + facts.reference() + "/" + facts.slug() + ".md, or name an edition that exists in 'reference:'."));
            }
        }
        for (Checked c : checked) {
            Checked reference = references.get(c.parsed().metadata().work());
            if (reference == null || reference == c) {
                continue;
            }
            Set<String> keys = keysOf(reference.parsed());
            Set<String> notes = new HashSet<>();
            reference.parsed().footnotes().forEach(f -> notes.add(f.label()));
            String ref = reference.file().name();
            for (ParsedTranslation.Section section : c.parsed().sections()) {
                if (!keys.contains(section.anchor())) {
                    problems.add(unknownKey(c, section.line(), section.anchor(), ref));
                }
                for (ParsedTranslation.Block block : section.blocks()) {
                    for (String key : block.keys()) {
                        if (!keys.contains(key)) {
                            problems.add(unknownKey(c, block.line(), key, ref));
                        }
                    }
                }
            }
            for (ParsedTranslation.TimelineEntry entry : c.parsed().timeline()) {
                if (!keys.contains(entry.key())) {
                    problems.add(unknownKey(c, entry.line(), entry.key(), ref));
                }
            }
            for (ParsedTranslation.Footnote note : c.parsed().footnotes()) {
                if (note.kind() == NoteKind.AUTHOR && !notes.contains(note.label())) {
                    problems.add(new ContentProblem(c.file().name(), note.line(),
                            "The note [^" + note.label() + "] is not one of the author's notes of the reference edition (" + ref + ").",
                            "Use the label the reference edition gives the note; a translator's own note is labelled [^t1], [^t2], …"));
                }
            }
        }
    }

    /** Every key of an edition: its headings, blocks (with the keys merged blocks render) and timeline events. */
    static Set<String> keysOf(ParsedTranslation parsed) {
        Set<String> keys = new HashSet<>();
        parsed.sections().forEach(s -> {
            keys.add(s.anchor());
            s.blocks().forEach(b -> keys.addAll(b.keys()));
        });
        parsed.timeline().forEach(e -> keys.add(e.key()));
        return keys;
    }

    private static ContentProblem unknownKey(Checked c, int line, String key, String reference) {
        return new ContentProblem(c.file().name(), line, "The key '" + key + "' is not a key of the reference edition (" + reference + ").",
                "Use the key of the reference passage this one translates, as written in " + reference + ".");
    }

    private static void checkPlace(ContentFile file, TranslationMetadata meta, List<ContentProblem> problems) {
        if (!file.language().equals(meta.language())) {
            problems.add(new ContentProblem(file.name(), lineOf(file.text(), "language:"),
                    "The file is in the folder '" + file.language() + "' but says 'language: " + meta.language() + "'.",
                    "Move it to content/" + meta.language() + "/ or correct the language code."));
        }
        if (!file.slug().equals(meta.work())) {
            problems.add(new ContentProblem(file.name(), lineOf(file.text(), "work:"),
                    "The file is named '" + file.slug() + ".md' but says 'work: " + meta.work() + "'.",
                    "Name the file " + meta.work() + ".md or correct the work slug."));
        }
    }

    private static int lineOf(String text, String prefix) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        return 1;
    }
}
