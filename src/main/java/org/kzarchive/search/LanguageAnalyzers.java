package org.kzarchive.search;

import java.io.Closeable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.util.IOUtils;

/**
 * The analyzer of every field, for indexing and for querying. Built once: analyzers are
 * thread-safe and reuse their token streams per thread.
 */
final class LanguageAnalyzers implements Closeable {

    private final Map<TextLanguage, Analyzer> languages = new EnumMap<>(TextLanguage.class);
    private final Analyzer words = new PlainTextAnalyzer(true);
    private final Analyzer spelling = new PlainTextAnalyzer(false);
    private final Analyzer namesForIndexing = NameVariantAnalyzer.forIndexing();
    private final Analyzer namesForQueries = NameVariantAnalyzer.forQueries();
    private final Analyzer forIndexing;

    LanguageAnalyzers() {
        Map<String, Analyzer> perField = new HashMap<>();
        for (TextLanguage language : TextLanguage.values()) {
            Analyzer analyzer = language.newAnalyzer();
            languages.put(language, analyzer);
            perField.put(language.field(), analyzer);
        }
        perField.put(PassageFields.WORDS, words);
        perField.put(PassageFields.SPELLING, spelling);
        perField.put(PassageFields.NAME_VARIANTS, namesForIndexing);
        forIndexing = new PerFieldAnalyzerWrapper(words, perField);
    }

    /** Chooses the analyzer by field name; the document decides the field by its language. */
    Analyzer forIndexing() {
        return forIndexing;
    }

    Analyzer forLanguage(TextLanguage language) {
        return languages.get(language);
    }

    Analyzer forWords() {
        return words;
    }

    Analyzer forSpelling() {
        return spelling;
    }

    Analyzer forNameQueries() {
        return namesForQueries;
    }

    @Override
    public void close() {
        // The wrapper only delegates; closing the delegates is enough.
        IOUtils.closeWhileHandlingException(languages.values());
        IOUtils.closeWhileHandlingException(words, spelling, namesForIndexing, namesForQueries);
    }
}
