package org.kzarchive.reading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kzarchive.archive.Block;
import org.kzarchive.archive.BlockRepository;
import org.kzarchive.archive.FootnoteRepository;
import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.Section;
import org.kzarchive.archive.SectionRepository;
import org.kzarchive.archive.TimelineEventRepository;
import org.kzarchive.archive.Translation;
import org.kzarchive.archive.TranslationRepository;
import org.kzarchive.importing.LanguageCodes;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a published translation with all its parts for the reader's pages. */
@Service
public class EditionLoader {

    private final TranslationRepository translations;
    private final SectionRepository sections;
    private final BlockRepository blocks;
    private final FootnoteRepository footnotes;
    private final TimelineEventRepository timeline;

    EditionLoader(TranslationRepository translations, SectionRepository sections, BlockRepository blocks,
                  FootnoteRepository footnotes, TimelineEventRepository timeline) {
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

    @Transactional(readOnly = true)
    public Edition load(Translation translation) {
        Map<Long, List<Block>> bySection = new LinkedHashMap<>();
        List<Section> ordered = sections.findByTranslationIdOrderByPosition(translation.getId());
        ordered.forEach(s -> bySection.put(s.getId(), new java.util.ArrayList<>()));
        for (Block block : blocks.findInReadingOrder(translation.getId())) {
            bySection.get(block.getSection().getId()).add(block);
        }
        List<Edition.Chapter> chapters = ordered.stream().map(s -> new Edition.Chapter(s, bySection.get(s.getId()))).toList();
        String work = translation.getWork().getSlug();
        List<Edition.Alternate> alternates = translations.findByWork(work, PublicationStatus.PUBLISHED).stream()
                .map(t -> new Edition.Alternate(t.getLanguage(), LanguageCodes.nativeName(t.getLanguage()),
                        "/" + t.getLanguage() + "/" + work, t.getId().equals(translation.getId())))
                .toList();
        return new Edition(translation, chapters, footnotes.findWithReferences(translation.getId()),
                timeline.findByTranslationIdOrderByPosition(translation.getId()), alternates);
    }
}
