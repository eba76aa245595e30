package org.kzarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": for words that do not occur in the archive, the closest words that do, taken
 * from the unstemmed spelling field (so suggestions are real words: manifestanti, not manifestant).
 */
final class SpellingSuggester {

    private static final int CANDIDATES_PER_WORD = 3;

    private final LanguageAnalyzers analyzers;
    private final DirectSpellChecker checker = new DirectSpellChecker();

    SpellingSuggester(LanguageAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** Alternative queries, best first: the query text with unknown words replaced. */
    List<String> alternatives(IndexReader reader, String queryText, List<String> words) throws IOException {
        String best = queryText;
        List<String> alternatives = new ArrayList<>();
        int unknownWords = 0;
        for (String word : words) {
            String term = spellingTerm(word);
            if (term == null || reader.docFreq(new Term(PassageFields.SPELLING, term)) > 0) {
                continue;
            }
            SuggestWord[] suggestions = checker.suggestSimilar(new Term(PassageFields.SPELLING, term),
                    CANDIDATES_PER_WORD, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (suggestions.length == 0) {
                continue;
            }
            unknownWords++;
            best = replaceWord(best, word, suggestions[0].string);
            for (SuggestWord suggestion : suggestions) {
                alternatives.add(replaceWord(queryText, word, suggestion.string));
            }
        }
        if (unknownWords == 0) {
            return List.of();
        }
        Set<String> ordered = new LinkedHashSet<>();
        ordered.add(best);
        if (unknownWords == 1) {
            ordered.addAll(alternatives); // one misspelt word: offer each close word
        }
        return List.copyOf(ordered);
    }

    /** The word as the spelling field indexes it, or null unless it is exactly one word. */
    private String spellingTerm(String word) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzers.forSpelling().tokenStream(PassageFields.SPELLING, word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms.size() == 1 ? terms.getFirst() : null;
    }

    private static String replaceWord(String query, String word, String replacement) {
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return pattern.matcher(query).replaceFirst(Matcher.quoteReplacement(replacement.toLowerCase(Locale.ROOT)));
    }
}
