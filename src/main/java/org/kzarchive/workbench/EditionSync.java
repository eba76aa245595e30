package org.kzarchive.workbench;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kzarchive.archive.EditionTextSaved;
import org.kzarchive.importing.InvalidContentException;
import org.kzarchive.importing.ParsedTranslation;
import org.kzarchive.importing.TranslationParser;
import org.kzarchive.system.PageCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the workbench's passages in step with the whole texts: when the reference edition is
 * published its passages' versions are recorded (outdating the translations of changed passages,
 * offering drafts where passages were split or merged); when another translation's whole text is
 * saved (the form, an import, the content folder) its passages are taken from it, keeping the
 * source version of every passage whose text did not change.
 */
@Component
class EditionSync {

    private static final Logger log = LoggerFactory.getLogger(EditionSync.class);
    /** Share of words two versions must have in common for one to be offered as the draft of the other. */
    private static final double SHARED_WORDS = 0.6;

    private final Editions editions;
    private final SourceVersions sources;
    private final TranslationUnits units;
    private final TranslationParser parser;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final PageCache pages;
    private final LastStartUpSync lastStartUpSync;

    EditionSync(Editions editions, SourceVersions sources, TranslationUnits units, TranslationParser parser, Clock clock,
                PlatformTransactionManager transactions, PageCache pages, LastStartUpSync lastStartUpSync) {
        this.editions = editions;
        this.sources = sources;
        this.units = units;
        this.parser = parser;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.pages = pages;
        this.lastStartUpSync = lastStartUpSync;
    }

    @EventListener
    void onSaved(EditionTextSaved saved) {
        var edition = editions.find(saved.translationId()).orElseThrow();
        ParsedTranslation parsed = parse(edition, saved.markdown());
        if (parsed == null) {
            return;
        }
        if (edition.isReference()) {
            if (saved.published()) {
                referencePublished(edition, parsed, saved.minorSourceChange());
            }
        } else {
            takePassages(edition, parsed, saved.author(), false);
            if (saved.published()) {
                recordPublished(edition);
            }
        }
    }

    /**
     * After the content import of start-up: the reference's versions, and the passages of every
     * translation. When that changes what readers see (the marks of passages not translated or
     * translated from an older version: the first start of a database, a changed content folder),
     * the pages rendered so far are outdated once it has committed, as after an editor's change.
     * Skipped when the database is as this build's last start-up sync left it ({@link LastStartUpSync}).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        long began = System.nanoTime();
        if (lastStartUpSync.nothingChangedSince()) {
            log.info("Passages of the editions: the database is as this build's last start-up sync left it, not read again ({} ms)",
                    (System.nanoTime() - began) / 1_000_000);
            return;
        }
        boolean changed = Boolean.TRUE.equals(transaction.execute(status -> syncAll()));
        if (changed) {
            pages.invalidate();
        }
        lastStartUpSync.recordInStep();
        log.info("Passages of the editions recorded at start-up in {} ms{}", (System.nanoTime() - began) / 1_000_000,
                changed ? ": pages rendered before are rendered again" : ", nothing changed");
    }

    /** @return whether what readers see of any edition changed */
    private boolean syncAll() {
        boolean changed = false;
        for (var edition : editions.all()) {
            if (edition.isReference()) {
                if (edition.isPublished()) {
                    ParsedTranslation parsed = parse(edition, edition.markdown());
                    if (parsed != null) {
                        changed |= referencePublished(edition, parsed, false);
                    }
                }
                continue;
            }
            if (editions.referenceOf(edition.workId()).isEmpty()) {
                continue;
            }
            ParsedTranslation parsed = parse(edition, edition.headMarkdown());
            if (parsed == null) {
                continue;
            }
            takePassages(edition, parsed, "content/", !units.any(edition.id()));
            if (edition.isPublished()) {
                changed |= recordPublished(edition);
            }
        }
        return changed;
    }

    /**
     * Records what readers see of a published translation: each passage's source version, or the reference standing in.
     *
     * @return whether that changed
     */
    boolean recordPublished(Editions.Edition edition) {
        var reference = editions.referenceOf(edition.workId());
        if (reference.isEmpty()) {
            return false;
        }
        ParsedTranslation referenceText = parse(reference.get(), reference.get().markdown());
        if (referenceText == null) {
            return false;
        }
        Map<String, TranslationUnits.Unit> current = units.of(edition.id());
        Set<String> fallbacks = new HashSet<>();
        for (SourceUnit unit : ReferenceUnits.of(referenceText)) {
            var held = current.get(unit.key());
            if (held == null || !held.translated()) {
                fallbacks.add(unit.key());
            }
        }
        return units.recordPublished(edition.id(), ReferenceUnits.of(referenceText), current, fallbacks);
    }

    /**
     * @param trustAll the first time a translation is seen: every passage counts as translated from
     *                 the current source, even one that reads like the reference (a name, a title)
     */
    private void takePassages(Editions.Edition edition, ParsedTranslation parsed, String author, boolean trustAll) {
        Map<String, SourceVersions.Current> current = sources.current(edition.workId());
        Map<String, String> referenceTexts = sources.texts(edition.workId(), hashes(current));
        Map<String, TranslationUnits.Unit> held = units.of(edition.id());
        Instant now = clock.instant();
        ReferenceUnits.textsOf(parsed).forEach((key, text) -> {
            var unit = held.get(key);
            if (unit != null && unit.markdown().strip().equals(text.strip())) {
                return;
            }
            boolean untranslated = unit == null || !unit.translated();
            String reference = referenceTexts.get(key);
            if (!trustAll && untranslated && reference != null && reference.strip().equals(text.strip())) {
                return; // the reference standing in for a passage not translated yet
            }
            var source = current.get(key);
            units.put(edition.id(), key, text.strip(), source == null ? null : source.hash(), author, now);
        });
    }

    /** @return whether a passage's version changed, appeared or disappeared */
    private boolean referencePublished(Editions.Edition reference, ParsedTranslation parsed, boolean minor) {
        Map<String, SourceVersions.Current> before = sources.current(reference.workId());
        Map<String, String> oldTexts = sources.texts(reference.workId(), hashes(before));
        List<SourceUnit> now = ReferenceUnits.of(parsed);
        List<SourceVersions.Change> changes = sources.record(reference.workId(), now, minor, clock.instant());
        if (!before.isEmpty() && !changes.isEmpty()) {
            offerDraftsForSplitsAndMerges(reference, now, changes, before, oldTexts);
        }
        return !changes.isEmpty();
    }

    /**
     * A new passage made of an old one's words (a split), or a changed passage that took in another
     * one's words (a merge): the translations of those old passages are offered as its draft.
     */
    private void offerDraftsForSplitsAndMerges(Editions.Edition reference, List<SourceUnit> now, List<SourceVersions.Change> changes,
                                               Map<String, SourceVersions.Current> before, Map<String, String> oldTexts) {
        Set<String> touched = new HashSet<>();
        changes.forEach(c -> touched.add(c.key()));
        List<String> oldKeys = new ArrayList<>(before.keySet());
        oldKeys.removeIf(k -> !touched.contains(k));
        Map<String, List<String>> origins = new LinkedHashMap<>();
        for (SourceUnit unit : now) {
            if (!touched.contains(unit.key())) {
                continue;
            }
            Set<String> words = words(unit.markdown());
            List<String> from = new ArrayList<>();
            for (String old : oldKeys) {
                Set<String> oldWords = words(oldTexts.getOrDefault(old, ""));
                if (!oldWords.isEmpty() && !words.isEmpty()
                        && (shared(oldWords, words) >= SHARED_WORDS || shared(words, oldWords) >= SHARED_WORDS)) {
                    from.add(old);
                }
            }
            if (!from.isEmpty() && !from.equals(List.of(unit.key()))) {
                origins.put(unit.key(), from);
            }
        }
        if (origins.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        for (var edition : editions.ofWork(reference.workId())) {
            if (edition.isReference()) {
                continue;
            }
            Map<String, TranslationUnits.Unit> held = units.of(edition.id());
            origins.forEach((key, from) -> {
                List<String> texts = from.stream().map(held::get).filter(u -> u != null && u.translated())
                        .map(TranslationUnits.Unit::markdown).toList();
                if (!texts.isEmpty()) {
                    units.suggest(edition.id(), key, String.join("\n\n", texts), at);
                }
            });
        }
    }

    private static double shared(Set<String> of, Set<String> in) {
        return of.stream().filter(in::contains).count() / (double) of.size();
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase().split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3) {
                words.add(w);
            }
        }
        return words;
    }

    private static Map<String, String> hashes(Map<String, SourceVersions.Current> current) {
        Map<String, String> hashes = new HashMap<>();
        current.forEach((k, c) -> hashes.put(k, c.hash()));
        return hashes;
    }

    private ParsedTranslation parse(Editions.Edition edition, String markdown) {
        try {
            return parser.parse(edition.language() + "/" + edition.work(), markdown);
        } catch (InvalidContentException e) {
            log.warn("{}/{}: the workbench cannot read the text ({} problems)", edition.language(), edition.work(), e.problems().size());
            return null;
        }
    }
}
