package org.kzarchive.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kzarchive.archive.Addresses;
import org.kzarchive.archive.Block;
import org.kzarchive.archive.BlockRepository;
import org.kzarchive.archive.FootnoteRepository;
import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.Section;
import org.kzarchive.archive.SectionRepository;
import org.kzarchive.archive.TimelineEventRepository;
import org.kzarchive.archive.Translation;
import org.kzarchive.archive.TranslationRepository;
import org.kzarchive.archive.Work;
import org.kzarchive.archive.WorkFacts;
import org.kzarchive.archive.WorkRepository;
import org.kzarchive.archive.Languages;
import org.kzarchive.archive.RenderedTranslation;
import org.kzarchive.archive.TranslationMetadata;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a published translation with all its parts for the reader's pages, in five queries. */
@Service
public class EditionLoader {

    private final TranslationRepository translations;
    private final SectionRepository sections;
    private final BlockRepository blocks;
    private final FootnoteRepository footnotes;
    private final TimelineEventRepository timeline;
    private final WorkRepository works;

    EditionLoader(TranslationRepository translations, SectionRepository sections, BlockRepository blocks,
                  FootnoteRepository footnotes, TimelineEventRepository timeline, WorkRepository works) {
        this.works = works;
        this.translations = translations;
        this.sections = sections;
        this.blocks = blocks;
        this.footnotes = footnotes;
        this.timeline = timeline;
    }

    @Transactional(readOnly = true)
    public Optional<Edition> published(String language, String work) {
        return translations.findByWorkAndLanguage(work, language, PublicationStatus.PUBLISHED).map(this::load);
    }

    /** Two published editions side by side, aligned by the keys of the work's reference edition. */
    @Transactional(readOnly = true)
    public Optional<ParallelReading> parallel(String language, String work, String other, String page) {
        Optional<Edition> left = published(language, work);
        Optional<Edition> right = left.flatMap(l -> published(other, work));
        if (right.isEmpty()) {
            return Optional.empty();
        }
        String reference = left.get().work().reference();
        List<String> order = reference == null ? List.of()
                : reference.equals(language) ? left.get().keyOrder()
                : reference.equals(other) ? right.get().keyOrder()
                : published(reference, work).map(Edition::keyOrder).orElse(List.of());
        return Optional.of(ParallelReading.of(left.get(), right.get(), page, order));
    }

    /** Every published translation of the work, for the language switcher and hreflang links. */
    @Transactional(readOnly = true)
    public List<Edition.Alternate> alternates(String work, String currentLanguage) {
        return translations.findByWork(work, PublicationStatus.PUBLISHED).stream()
                .map(t -> new Edition.Alternate(t.getLanguage(), work, Languages.nativeName(t.getLanguage()),
                        t.getLanguage().equals(currentLanguage)))
                .toList();
    }

    private Edition load(Translation translation) {
        Map<Long, List<RenderedTranslation.Block>> bySection = new LinkedHashMap<>();
        List<Section> ordered = sections.findByTranslationIdOrderByPosition(translation.getId());
        ordered.forEach(s -> bySection.put(s.getId(), new ArrayList<>()));
        for (Block b : blocks.findInReadingOrder(translation.getId())) {
            bySection.get(b.getSection().getId()).add(new RenderedTranslation.Block(b.getAnchor(), b.getKeys(), b.getKind(),
                    b.getExchange(), b.getHtml(), b.getPlainText(), b.getFigureDate(), b.getFigureCredit(), b.getFigureImage(),
                    b.getAnnotates()));
        }
        var text = new RenderedTranslation(metadataOf(translation),
                ordered.stream().map(s -> new RenderedTranslation.Section(s.getAnchor(), s.getTitle(), s.getTitleHtml(),
                        bySection.get(s.getId()))).toList(),
                footnotes.findWithReferences(translation.getId()).stream()
                        .map(f -> new RenderedTranslation.Footnote(f.getNumber(), f.getLabel(), f.getKind(), f.getHtml(), f.getPlainText(),
                                f.getReferences().stream()
                                        .map(r -> new RenderedTranslation.Reference(r.getAnchor(), r.getBlockAnchor())).toList()))
                        .toList(),
                timeline.findByTranslationIdOrderByPosition(translation.getId()).stream()
                        .map(e -> new RenderedTranslation.TimelineEvent(e.getPosition(), e.getAnchor(), e.getDateStart(), e.getDateEnd(),
                                e.getLabel(), e.getTargetAnchor(), e.isOutsideText()))
                        .toList());
        String work = translation.getWork().getSlug();
        return new Edition(translation.getId(), translation.getVersion(), text.metadata(), text,
                alternates(work, translation.getLanguage()), translation.getWork().facts());
    }

    /** The facts of a work, for a preview of text that is not stored yet; empty facts for a work the archive does not know. */
    @Transactional(readOnly = true)
    public WorkFacts factsOf(String work) {
        return works.findBySlug(work).map(Work::facts).orElse(new WorkFacts(work, null, null, null, null, null));
    }

    static TranslationMetadata metadataOf(Translation t) {
        return new TranslationMetadata(t.getWork().getSlug(), t.getLanguage(), t.getTitle(), t.getSubtitle(), null,
                t.getTranslator(), t.getSource(), null, null, t.getTranslatedFrom()).withWork(t.getWork().facts());
    }
}
