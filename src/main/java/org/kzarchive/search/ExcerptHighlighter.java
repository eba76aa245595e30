package org.kzarchive.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Cuts an excerpt around the best matches of a passage: up to two pieces of about
 * {@value #PIECE_LENGTH} characters each. The text fields are highlighted together with the words
 * and name-variant fields ("masked" fields in Lucene's terms): all three index the same text with
 * offsets, so a prefix match or a name spelled differently is marked in the stored text too.
 */
final class ExcerptHighlighter {

    static final int PIECE_LENGTH = 160;
    /** Length of an excerpt without matches (the opening of the passage). */
    static final int EXCERPT_LENGTH = 220;
    private static final int PIECES_PER_EXCERPT = 2;
    private static final Set<String> ALSO_MATCHING = Set.of(PassageFields.WORDS, PassageFields.NAME_VARIANTS);
    private static final String[] TEXT_FIELDS = Arrays.stream(TextLanguage.values())
            .map(TextLanguage::field).toArray(String[]::new);

    private final LanguageAnalyzers analyzers;

    ExcerptHighlighter(LanguageAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /**
     * One HTML excerpt per document, in the order given; a document's excerpt comes from the text
     * field of its language, the only one it has.
     */
    String[] excerpts(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzers.forIndexing())
                .withFormatter(new ExcerptFormatter())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), PIECE_LENGTH, 0.5f))
                .withMaskedFieldsFunc(field -> ALSO_MATCHING)
                .withMaxNoHighlightPassages(1)
                .build();
        int[] passages = new int[TEXT_FIELDS.length];
        Arrays.fill(passages, PIECES_PER_EXCERPT);
        Map<String, String[]> byField = highlighter.highlightFields(TEXT_FIELDS, query, docIds, passages);
        String[] excerpts = new String[docIds.length];
        for (String[] fieldExcerpts : byField.values()) {
            for (int i = 0; i < excerpts.length; i++) {
                if (excerpts[i] == null && fieldExcerpts[i] != null) {
                    excerpts[i] = fieldExcerpts[i];
                }
            }
        }
        return excerpts;
    }
}
