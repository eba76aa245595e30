package org.kzarchive.workbench;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.kzarchive.accounts.AuditAction;
import org.kzarchive.accounts.AuditLog;
import org.kzarchive.editing.TranslationCheck;
import org.kzarchive.editing.TranslationEditing;
import org.kzarchive.editing.TranslationNotFoundException;
import org.kzarchive.importing.InvalidContentException;
import org.kzarchive.importing.ParsedTranslation;
import org.kzarchive.importing.TranslationParser;
import org.kzarchive.system.Sha256;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Translating block by block: the reference's passages beside a translation's, their states and
 * the source's changes, saving passages as drafts (each one on its own, so that two translators
 * on different passages never conflict), and publishing what there is.
 */
@Service
public class Workbench {

    private final Editions editions;
    private final SourceVersions sources;
    private final TranslationUnits units;
    private final TranslationParser parser;
    private final TranslationCheck check;
    private final TranslationEditing editing;
    private final AuditLog audit;
    private final Clock clock;
    /** The reference's passages by the hash of its text: parsed once per version, a few versions kept. */
    private final Map<String, List<SourceUnit>> parsedReferences = new ConcurrentHashMap<>();

    Workbench(Editions editions, SourceVersions sources, TranslationUnits units, TranslationParser parser, TranslationCheck check,
              TranslationEditing editing, AuditLog audit, Clock clock) {
        this.editions = editions;
        this.sources = sources;
        this.units = units;
        this.parser = parser;
        this.check = check;
        this.editing = editing;
        this.audit = audit;
        this.clock = clock;
    }

    /** One passage of the workbench: the source beside the translation. */
    record Row(SourceUnit source, TranslationUnits.Unit unit, PassageState state, String text, boolean suggested,
               List<WordDiff.Piece> diff, Instant sourceChangedAt) {

        public int base() {
            return unit == null ? 0 : unit.version();
        }
    }

    record Section(String key, String title, Progress progress, List<Row> rows) {
    }

    record View(Editions.Edition edition, Editions.Edition reference, Progress progress, List<Section> sections, Set<String> notes) {

        Row row(String key) {
            return sections.stream().flatMap(s -> s.rows().stream()).filter(r -> r.source().key().equals(key)).findFirst().orElse(null);
        }

        Section section(String key) {
            return sections.stream().filter(s -> s.key().equals(key)).findFirst().orElse(sections.isEmpty() ? null : sections.get(0));
        }
    }

    record Submitted(String key, int base, String text) {
    }

    /** A passage someone else saved after this translator opened it: both texts, nothing saved. */
    record Refused(String key, String mine, String theirs, String theirAuthor, Instant theirAt, int theirVersion) {
    }

    record Outcome(List<String> saved, Map<String, String> problems, Map<String, Refused> conflicts, Map<String, String> submitted) {

        boolean clean() {
            return problems.isEmpty() && conflicts.isEmpty();
        }
    }

    @Transactional(readOnly = true)
    public View view(long translationId) {
        var edition = editions.find(translationId).orElseThrow(() -> new TranslationNotFoundException(translationId));
        var reference = editions.referenceOf(edition.workId()).orElseThrow(() -> new TranslationNotFoundException(translationId));
        List<SourceUnit> source = referenceUnits(reference);
        Map<String, SourceVersions.Current> current = sources.current(edition.workId());
        Map<String, TranslationUnits.Unit> held = units.of(translationId);
        Map<String, String> outdatedFrom = new LinkedHashMap<>();
        held.values().forEach(u -> {
            var now = current.get(u.key());
            if (u.translated() && u.sourceHash() != null && now != null && !now.hash().equals(u.sourceHash())) {
                outdatedFrom.put(u.key(), u.sourceHash());
            }
        });
        Map<String, String> oldTexts = sources.texts(edition.workId(), outdatedFrom);
        Map<String, List<Row>> bySection = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        Set<String> notes = new HashSet<>();
        Progress total = Progress.NONE;
        for (SourceUnit unit : source) {
            if (unit.kind() == UnitKind.NOTE) {
                notes.add(unit.key());
            }
            if (unit.kind() == UnitKind.HEADING) {
                titles.put(unit.section(), unit.markdown());
            }
            var now = current.get(unit.key());
            var mine = held.get(unit.key());
            PassageState state = PassageState.of(mine, now == null ? unit.hash() : now.hash());
            total = total.plus(state);
            boolean suggested = (mine == null || !mine.translated()) && mine != null && mine.suggestion() != null;
            String text = mine == null ? "" : mine.translated() ? mine.markdown() : suggested ? mine.suggestion() : "";
            List<WordDiff.Piece> diff = state == PassageState.OUTDATED && oldTexts.containsKey(unit.key())
                    ? WordDiff.between(oldTexts.get(unit.key()), unit.markdown()) : List.of();
            bySection.computeIfAbsent(unit.section(), k -> new ArrayList<>())
                    .add(new Row(unit, mine, state, text, suggested, diff, now == null ? null : now.changedAt()));
        }
        List<Section> sections = new ArrayList<>();
        bySection.forEach((key, rows) -> {
            Progress p = Progress.NONE;
            for (Row r : rows) {
                p = p.plus(r.state());
            }
            sections.add(new Section(key, titles.get(key), p, rows));
        });
        return new View(edition, reference, total, sections, notes);
    }

    /**
     * Saves the passages whose text changed, each as a draft, independently: a passage someone else
     * saved since {@code base} is refused with both texts; a passage whose Markdown is wrong is
     * refused with the problem. The others are saved.
     */
    @Transactional
    public Outcome save(long translationId, List<Submitted> submitted, String author) {
        var edition = editions.find(translationId).orElseThrow(() -> new TranslationNotFoundException(translationId));
        var reference = editions.referenceOf(edition.workId()).orElseThrow(() -> new TranslationNotFoundException(translationId));
        if (edition.isReference()) {
            throw new IllegalArgumentException("The reference edition is revised in the form, not in the workbench.");
        }
        Map<String, SourceUnit> source = new LinkedHashMap<>();
        referenceUnits(reference).forEach(u -> source.put(u.key(), u));
        Set<String> notes = new HashSet<>();
        source.values().stream().filter(u -> u.kind() == UnitKind.NOTE).forEach(u -> notes.add(u.key()));
        Map<String, SourceVersions.Current> current = sources.current(edition.workId());
        List<String> saved = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, Refused> conflicts = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (Submitted s : submitted) {
            SourceUnit unit = source.get(s.key());
            String text = s.text() == null ? "" : s.text().replace("\r\n", "\n").strip();
            texts.put(s.key(), text);
            if (unit == null) {
                problems.put(s.key(), "The reference has no passage '" + s.key() + "' any more: copy your text and reload the page.");
                continue;
            }
            var held = units.lock(translationId, s.key());
            String heldText = held == null ? "" : held.markdown();
            if (heldText.strip().equals(text)) {
                continue;
            }
            if ((held == null ? 0 : held.version()) != s.base()) {
                conflicts.put(s.key(), new Refused(s.key(), text, heldText, held.author(), held.updatedAt(), held.version()));
                continue;
            }
            String problem = InlineMarkdownCheck.problem(unit.kind(), text, notes);
            if (problem != null) {
                problems.put(s.key(), problem);
                continue;
            }
            var version = current.get(s.key());
            units.put(translationId, s.key(), text, version == null ? unit.hash() : version.hash(), author, now);
            saved.add(s.key());
        }
        if (!saved.isEmpty()) {
            audit.record(author, AuditAction.WORKBENCH_SAVED, edition.language() + "/" + edition.work() + ": "
                    + String.join(", ", saved.size() > 12 ? saved.subList(0, 12) : saved) + (saved.size() > 12 ? " …" : ""));
        }
        return new Outcome(saved, problems, conflicts, texts);
    }

    /**
     * Publishes the translation as the workbench holds it: every translated passage, and the
     * reference's text for those not translated yet (shown to readers in the reference's language).
     *
     * @param partialConfirmed the editor chose to publish although passages are missing
     * @throws IllegalStateException when passages are missing and the editor did not confirm it
     */
    @Transactional
    public TranslationEditing.Saved publish(long translationId, boolean partialConfirmed, String author) {
        var view = view(translationId);
        if (!view.progress().complete() && !partialConfirmed) {
            throw new IllegalStateException(view.progress().missing() + " passages are not translated: confirm a partial publication.");
        }
        String markdown = file(view).markdown();
        var text = check.check(markdown);
        if (!text.ok()) {
            throw new IllegalStateException("The file written from the workbench does not pass the checks: " + text.problems());
        }
        return editing.save(translationId, view.edition().headRevision(), text, author, "Published from the workbench ("
                + view.progress().percent() + "% translated)", true);
    }

    /**
     * Starts a translation of the work into a new language, as a draft holding no translated passage
     * yet (its file carries the reference's text in every place, as a partial publication would).
     *
     * @return the new translation's id
     */
    @Transactional
    public long start(long referenceId, String language, String author) {
        var reference = editions.find(referenceId).filter(Editions.Edition::isReference)
                .orElseThrow(() -> new TranslationNotFoundException(referenceId));
        var front = new TranslationFileWriter.Front(reference.work(), language, null, null, reference.language());
        var text = check.check(TranslationFileWriter.write(front, referenceUnits(reference), Map.of()).markdown());
        if (!text.ok()) {
            throw new IllegalStateException("The reference edition does not pass the checks: " + text.problems());
        }
        return editing.create(text, author, "Started in the workbench", false).translationId();
    }

    /** The whole file of the translation as the workbench holds it (untranslated passages in the reference's text). */
    @Transactional(readOnly = true)
    public TranslationFileWriter.Written file(long translationId) {
        return file(view(translationId));
    }

    private TranslationFileWriter.Written file(View view) {
        Map<String, String> texts = new LinkedHashMap<>();
        view.sections().forEach(s -> s.rows().forEach(r -> {
            if (r.unit() != null && r.unit().translated()) {
                texts.put(r.source().key(), r.unit().markdown());
            }
        }));
        var edition = view.edition();
        ParsedTranslation head = parseQuietly(edition.language() + "/" + edition.work(), edition.headMarkdown());
        var meta = head == null ? null : head.metadata();
        var front = new TranslationFileWriter.Front(edition.work(), edition.language(), meta == null ? null : meta.translator(),
                meta == null ? null : meta.source(), view.reference().language());
        return TranslationFileWriter.write(front, referenceUnits(view.reference()), texts);
    }

    @Transactional(readOnly = true)
    public List<TranslationUnits.HistoryEntry> history(long translationId, String key) {
        return units.history(translationId, key);
    }

    List<SourceUnit> referenceUnits(Editions.Edition reference) {
        String hash = Sha256.hex(reference.markdown());
        List<SourceUnit> cached = parsedReferences.get(hash);
        if (cached != null) {
            return cached;
        }
        List<SourceUnit> parsed = ReferenceUnits.of(parser.parse(reference.language() + "/" + reference.work(), reference.markdown()));
        if (parsedReferences.size() > 8) {
            parsedReferences.clear();
        }
        parsedReferences.put(hash, parsed);
        return parsed;
    }

    private ParsedTranslation parseQuietly(String name, String markdown) {
        try {
            return parser.parse(name, markdown);
        } catch (InvalidContentException e) {
            return null;
        }
    }
}
