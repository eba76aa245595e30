package org.kzarchive.archive;

/**
 * What a reader's page says about one edition: its own front matter (title, subtitle, translator,
 * source, the edition it was translated from) and the facts of its work (author, date, original
 * address), which live once per work and are filled in when the edition is loaded.
 *
 * @param translatedFrom language code of the edition this one was translated from, or null
 */
public record TranslationMetadata(String work, String language, String title, String subtitle, String author,
                                  String translator, String source, String published, String originalUrl,
                                  String translatedFrom) {

    /** The same edition with its work's facts. */
    public TranslationMetadata withWork(WorkFacts facts) {
        return facts == null ? this : new TranslationMetadata(work, language, title, subtitle, facts.author(), translator, source,
                facts.published(), facts.originalUrl(), translatedFrom);
    }
}
