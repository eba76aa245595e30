package org.kzarchive.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Italian: elision, stop words, accent folding, light stemming (singular and plural meet:
 * manifestante/manifestanti). Lucene's ItalianAnalyzer does not fold accents, hence our own chain.
 */
final class ItalianTextAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new ElisionFilter(source, ElidedArticles.ITALIAN);
        result = new LowerCaseFilter(result);
        // Stop words before folding: the list is spelled with accents (è, più).
        result = new StopFilter(result, ItalianAnalyzer.getDefaultStopSet());
        // Folding before stemming: the light stemmer leaves short words like "città" alone.
        result = new ASCIIFoldingFilter(result);
        result = new ItalianLightStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(new ElisionFilter(in, ElidedArticles.ITALIAN)));
    }
}
