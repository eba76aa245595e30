package org.kzarchive.search;

import org.kzarchive.archive.Languages;
import org.apache.lucene.analysis.Analyzer;

/**
 * The languages we analyse with their own stemmer and stop words; every other language shares a
 * plain analysis. Each has its own text field, so a field holds one language only: stems of one
 * language never meet words of another, term statistics stay per language, and a query is analysed
 * once per field with that field's analyzer. A translation in a new language needs no code: it
 * lands in {@link #OTHER}.
 */
enum TextLanguage {
    ITALIAN("it") {
        @Override
        Analyzer newAnalyzer() {
            return new ItalianTextAnalyzer();
        }
    },
    ENGLISH("en") {
        @Override
        Analyzer newAnalyzer() {
            return new EnglishTextAnalyzer();
        }
    },
    RUSSIAN("ru") {
        @Override
        Analyzer newAnalyzer() {
            return new RussianTextAnalyzer();
        }
    },
    OTHER("other") {
        @Override
        Analyzer newAnalyzer() {
            return new PlainTextAnalyzer(true);
        }
    };

    private final String field;

    TextLanguage(String fieldSuffix) {
        this.field = "text_" + fieldSuffix;
    }

    /** The indexed and stored field holding the passage text of this language. */
    String field() {
        return field;
    }

    abstract Analyzer newAnalyzer();

    static TextLanguage of(String languageTag) {
        return switch (Languages.primary(languageTag)) {
            case "it" -> ITALIAN;
            case "en" -> ENGLISH;
            case "ru" -> RUSSIAN;
            default -> OTHER;
        };
    }
}
