package org.kzarchive.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Replaces each term by its {@link NameSpellings} key; offsets stay, so highlighting still works. */
final class NameSpellingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    NameSpellingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String key = NameSpellings.key(term.toString());
        if (!key.contentEquals(term)) {
            term.setEmpty().append(key);
        }
        return true;
    }
}
