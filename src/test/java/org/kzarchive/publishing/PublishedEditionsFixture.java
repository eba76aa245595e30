package org.kzarchive.publishing;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationOrigin;
import org.kzarchive.archive.TranslationRepository;
import org.kzarchive.editing.EditingFixtures;
import org.kzarchive.system.PagesRenderedAgain;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every published edition of the archive (the content folder's, whatever languages it holds) plus
 * a work of the tests' own published in Italian and in Russian, so that a second language and
 * Cyrillic text are always among them. Written before a test class's tests and removed after them:
 * {@code @RegisterExtension static final PublishedEditionsFixture editions = new PublishedEditionsFixture();}
 */
public final class PublishedEditionsFixture implements BeforeAllCallback, AfterAllCallback {

    public record EditionName(String language, String work) {
        @Override
        public String toString() {
            return language + "/" + work;
        }
    }

    private EditingFixtures fixtures;
    private TranslationRepository translations;
    private String work;

    @Override
    public void beforeAll(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        fixtures = new EditingFixtures(application);
        translations = application.getBean(TranslationRepository.class);
        work = fixtures.newWork();
        fixtures.write(EditingFixtures.russian(work), TranslationOrigin.CONTENT, PublicationStatus.PUBLISHED);
        // the home page and the feeds list the new editions for anonymous readers too
        PagesRenderedAgain.await(application);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (fixtures != null) {
            fixtures.removeWorks();
            fixtures = null;
        }
    }

    /** The slug of the tests' own work, published in Italian and in Russian. */
    public String work() {
        return work;
    }

    public List<EditionName> all() {
        return translations.findAllByStatus(PublicationStatus.PUBLISHED).stream()
                .map(t -> new EditionName(t.getLanguage(), t.getWork().getSlug())).toList();
    }
}
