package org.kzarchive.archive;

/** The front matter of a translation file. */
public record TranslationMetadata(String work, String language, String title, String subtitle, String author,
                                  String translator, String source, String published, String originalUrl) {
}
