package org.kzarchive.publishing;

import java.util.List;

import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationOrigin;
import org.kzarchive.archive.TranslationRepository;
import org.kzarchive.editing.EditingFixtures;

import org.springframework.context.ApplicationContext;

/**
 * Every published edition of the archive (the content folder's, whatever languages it holds) plus
 * a work of the tests' own published in Italian and in Russian, so that a second language and
 * Cyrillic text are always among them.
 */
public final class PublishedEditionsFixture {

    public record EditionName(String language, String work) {
        @Override
        public String toString() {
            return language + "/" + work;
        }
    }

    private final EditingFixtures fixtures;
    private final TranslationRepository translations;
    public final String work;

    public PublishedEditionsFixture(ApplicationContext context) {
        this.fixtures = new EditingFixtures(context);
        this.translations = context.getBean(TranslationRepository.class);
        this.work = fixtures.newWork();
        fixtures.write(EditingFixtures.russian(work), TranslationOrigin.CONTENT, PublicationStatus.PUBLISHED);
    }

    public List<EditionName> all() {
        return translations.findAllByStatus(PublicationStatus.PUBLISHED).stream()
                .map(t -> new EditionName(t.getLanguage(), t.getWork().getSlug())).toList();
    }

    public void remove() {
        fixtures.removeWorks();
    }
}
