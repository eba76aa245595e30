package org.kzarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Cuts an excerpt around the best matches of a passage: up to two pieces of about
 * {@value #PIECE_LENGTH} characters each. The text fields are highlighted together with the words
 * and name-variant fields ("masked" fields in Lucene's terms): all three index the same text with
 * offsets, so a prefix match or a name spelled differently is marked in the stored text too.
 *
 * <p>A passage has text in the field of its language only, so it is highlighted with that
 * language's part of the query: the highlighter then works through a quarter of the terms.
 */
final class ExcerptHighlighter {

    static final int PIECE_LENGTH = 160;
    /** Length of an excerpt without matches (the opening of the passage). */
    static final int EXCERPT_LENGTH = 220;
    private static final int PIECES_PER_EXCERPT = 2;
    private static final Set<String> ALSO_MATCHING = Set.of(PassageFields.WORDS, PassageFields.NAME_VARIANTS);
    private static final String MARK = "<mark>";
    private static final ExcerptScorer SCORER = new ExcerptScorer();

    private final LanguageAnalyzers analyzers;

    ExcerptHighlighter(LanguageAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /**
     * One HTML excerpt per document, in the order given.
     *
     * @param query       the whole query, over every language
     * @param branches    the query of one language (null when nothing of the query is left in it)
     * @param languages   each document's language, in the order of {@code docIds}
     * @param texts       each document's stored text, already read by the caller
     */
    String[] excerpts(IndexSearcher searcher, Query query, Function<TextLanguage, Query> branches, int[] docIds,
                      TextLanguage[] languages, String[] texts) throws IOException {
        Map<Integer, String> textOfDoc = new HashMap<>();
        for (int i = 0; i < docIds.length; i++) {
            textOfDoc.put(docIds[i], texts[i]);
        }
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzers.forIndexing())
                .withFormatter(new ExcerptFormatter())
                // Pieces end between words; a plain space splitter does that at a fraction of the cost
                // of a locale's word BreakIterator.
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        new CustomSeparatorBreakIterator(' '), PIECE_LENGTH, 0.5f))
                .withMaskedFieldsFunc(field -> ALSO_MATCHING)
                .withScorer(SCORER)
                .withMaxNoHighlightPassages(1)
                .withWeightMatches(false);
        UnifiedHighlighter highlighter = new KnownTexts(builder, textOfDoc);
        Map<TextLanguage, List<Integer>> byLanguage = new EnumMap<>(TextLanguage.class);
        for (int i = 0; i < docIds.length; i++) {
            byLanguage.computeIfAbsent(languages[i], language -> new ArrayList<>()).add(i);
        }
        String[] excerpts = new String[docIds.length];
        for (Map.Entry<TextLanguage, List<Integer>> group : byLanguage.entrySet()) {
            Query branch = branches.apply(group.getKey());
            highlight(highlighter, group.getKey(), branch != null ? branch : query, docIds, group.getValue(), excerpts);
            // A passage can match through another language's branch (a name spelled as in that
            // language): then only the whole query finds what to mark.
            List<Integer> unmarked = group.getValue().stream()
                    .filter(i -> excerpts[i] == null || !excerpts[i].contains(MARK)).toList();
            if (branch != null && !unmarked.isEmpty()) {
                highlight(highlighter, group.getKey(), query, docIds, unmarked, excerpts);
            }
        }
        return excerpts;
    }

    private static void highlight(UnifiedHighlighter highlighter, TextLanguage language, Query query, int[] docIds,
                                  List<Integer> indexes, String[] excerpts) throws IOException {
        int[] ids = indexes.stream().mapToInt(i -> docIds[i]).toArray();
        String[] found = highlighter.highlightFields(new String[] {language.field()}, query, ids,
                new int[] {PIECES_PER_EXCERPT}).get(language.field());
        for (int k = 0; k < ids.length; k++) {
            if (found[k] != null) {
                excerpts[indexes.get(k)] = found[k];
            }
        }
    }

    /** Highlights texts the caller has already read, instead of reading the stored document again. */
    private static final class KnownTexts extends UnifiedHighlighter {

        private final Map<Integer, String> textOfDoc;

        KnownTexts(Builder builder, Map<Integer, String> textOfDoc) {
            super(builder);
            this.textOfDoc = textOfDoc;
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                CharSequence[] perField = new CharSequence[fields.length];
                Arrays.fill(perField, textOfDoc.get(doc)); // called with the one field of the document's language
                values.add(perField);
            }
            return values;
        }
    }
}
