package org.kzarchive.search;

import com.ibm.icu.text.Transliterator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Analysis of the name-variant field: names reduced to their {@link NameSpellings} key, whatever
 * the alphabet. Cyrillic is first written in Latin letters the way English texts spell Russian
 * names (BGN/PCGN: Токаев → Tokayev, Жанаозен → Zhanaozen, Алматы → Almaty), so Токаев, Tokayev and
 * Tokaev share one key. A Russian name is also inflected (Токаева, Токаевым): its form without
 * the case ending is kept beside it, at the same position, so Tokayev finds them all.
 *
 * <p>When indexing only capitalised words are kept (readers type names in lower case, so the query
 * side keeps every word); words shorter than four letters are left out on both sides, because
 * short words are where ordinary vocabulary would collide.
 */
final class NameVariantAnalyzer extends Analyzer {

    static final int MIN_LENGTH = 4;
    /** Russian as BGN/PCGN writes it; letters Russian lacks (Kazakh қ, ө, ү…) by ICU's general rules. */
    static final String CYRILLIC_TO_LATIN = "Russian-Latin/BGN; Any-Latin";

    // thread-safe once built; one instance is enough for every token stream
    private static final Transliterator TO_LATIN = Transliterator.getInstance(CYRILLIC_TO_LATIN);

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
        // every word twice: as written, and without a Russian case ending (Latin words have none to lose)
        result = new KeywordRepeatFilter(result);
        result = new RussianLightStemFilter(result);
        result = new ICUTransformFilter(result, TO_LATIN);
        result = new ASCIIFoldingFilter(result);
        result = new NameSpellingFilter(result);
        result = new LengthFilter(result, MIN_LENGTH, Integer.MAX_VALUE);
        result = new RemoveDuplicatesTokenFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
