package org.kzarchive.importing;

import org.kzarchive.archive.TranslationMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the content folder into the database. Every file is checked before anything is written;
 * a file whose text is already stored is left alone, and a translation an editor has changed on
 * the site is never overwritten by its file.
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
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
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
