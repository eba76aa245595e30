package org.kzarchive.search;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Keeps only words that start with a capital letter: in running text, those are the names. */
final class CapitalisedWordFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    CapitalisedWordFilter(TokenStream input) {
        super(input);
    }

    @Override
    protected boolean accept() {
        if (term.length() == 0) {
            return false;
        }
        int first = Character.codePointAt(term, 0);
        return Character.isUpperCase(first) || Character.isTitleCase(first);
    }
}
