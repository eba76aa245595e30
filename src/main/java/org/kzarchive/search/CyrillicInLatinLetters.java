package org.kzarchive.search;

import com.ibm.icu.text.Transliterator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Writes a lower-case Cyrillic word in Latin letters the way English texts spell Russian names
 * (BGN/PCGN: токаев → tokayev, жанаозен → zhanaozen, алматы → almaty), twice: as it stands and
 * without its Russian case ending (токаева → tokayev), at the same position. Words in other
 * alphabets pass untouched, at no cost: transliterating every word would double the analysis.
 */
final class CyrillicInLatinLetters extends ConditionalTokenFilter {

    /** Russian by BGN/PCGN; letters Russian lacks (Kazakh қ, ө, ү…) by ICU's general rules. */
    static final String TRANSLITERATION = "Russian-Latin/BGN; Any-Latin";
    // thread-safe once built, like Lucene's own ICUTransformFilterFactory shares one
    private static final Transliterator TO_LATIN = Transliterator.getInstance(TRANSLITERATION);

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    CyrillicInLatinLetters(TokenStream input) {
        super(input, cyrillic -> new ICUTransformFilter(new RussianLightStemFilter(new KeywordRepeatFilter(cyrillic)), TO_LATIN));
    }

    @Override
    protected boolean shouldFilter() {
        for (int i = 0; i < term.length(); i++) {
            if (Character.UnicodeScript.of(term.charAt(i)) == Character.UnicodeScript.CYRILLIC) {
                return true;
            }
        }
        return false;
    }
}
