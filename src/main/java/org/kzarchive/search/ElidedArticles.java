package org.kzarchive.search;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Words that lose their last vowel before an apostrophe ({@code dell’Akimat}, {@code l'inverno}).
 * Lucene's ElisionFilter strips them whether the text uses the straight ' or the typographic ’,
 * so both spellings index the same term.
 */
final class ElidedArticles {

    /** Italian articles, prepositions and a few common elided words. */
    static final CharArraySet ITALIAN = CharArraySet.unmodifiableSet(new CharArraySet(List.of(
            "l", "gl", "un", "c", "m", "t", "s", "v", "d", "n",
            "all", "dall", "dell", "nell", "sull", "coll", "pell",
            "agl", "dagl", "degl", "negl", "sugl",
            "quell", "quest", "nessun", "alcun", "ciascun", "qualcun", "buon", "bell", "sant",
            "anch", "nient", "tutt", "senz", "dov", "com", "cos", "mezz"), true));

    /**
     * For fields shared by all languages: the Italian list plus French, harmless elsewhere
     * (no English or Russian word is one of these followed by an apostrophe).
     */
    static final CharArraySet COMMON;

    static {
        CharArraySet common = new CharArraySet(ITALIAN, true);
        common.addAll(List.of("j", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"));
        COMMON = CharArraySet.unmodifiableSet(common);
    }

    private ElidedArticles() {
    }
}
