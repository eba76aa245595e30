package org.kzarchive.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Analysis of the name-variant field: names reduced to their {@link NameSpellings} key, whatever
 * the alphabet. Cyrillic is first written in Latin letters ({@link CyrillicInLatinLetters}), so
 * Токаев, Tokayev and Tokaev share one key; an inflected Russian name (Токаева, Токаевым) is also
 * kept without its case ending, so Tokayev finds them all.
 *
 * <p>When indexing only capitalised words are kept (readers type names in lower case, so the query
 * side keeps every word); words shorter than four letters are left out on both sides, because
 * short words are where ordinary vocabulary would collide.
 */
final class NameVariantAnalyzer extends Analyzer {

    static final int MIN_LENGTH = 4;

    private final boolean capitalisedWordsOnly;

    private NameVariantAnalyzer(boolean capitalisedWordsOnly) {
        this.capitalisedWordsOnly = capitalisedWordsOnly;
    }

    static NameVariantAnalyzer forIndexing() {
        return new NameVariantAnalyzer(true);
    }

    static NameVariantAnalyzer forQueries() {
        return new NameVariantAnalyzer(false);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        // Elision first, so that dell’Akimat becomes the capitalised word Akimat.
        TokenStream result = new ElisionFilter(source, ElidedArticles.COMMON);
        if (capitalisedWordsOnly) {
            result = new CapitalisedWordFilter(result);
        }
        result = new LowerCaseFilter(result);
        result = new CyrillicInLatinLetters(result);
        result = new ASCIIFoldingFilter(result);
        result = new NameSpellingFilter(result);
        result = new LengthFilter(result, MIN_LENGTH, Integer.MAX_VALUE);
        result = new RemoveDuplicatesTokenFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
