package org.kzarchive.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Words as written, without stemming or stop words: the analysis for languages we have no
 * stemmer configured for, for prefix searches ({@code manifest*}) and, unfolded, for spelling
 * suggestions (which should read "città", not "citta").
 */
final class PlainTextAnalyzer extends Analyzer {

    private final boolean foldAccents;

    PlainTextAnalyzer(boolean foldAccents) {
        this.foldAccents = foldAccents;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, normalize(fieldName, source));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        TokenStream result = new LowerCaseFilter(new ElisionFilter(in, ElidedArticles.COMMON));
        return foldAccents ? new ASCIIFoldingFilter(result) : result;
    }
}
