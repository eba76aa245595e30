package org.kzarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * One pass over the matches of a query that counts them per kind and language and keeps the best
 * of those that pass the reader's filters. Every count the search page shows (per kind with the
 * language filter, per language with the kind filter, the total with both) is a sum over the
 * (kind, language) pairs, so no filtered query has to run again for the counts or the hits.
 */
final class MatchCounter {

    /** Matches per kind, then per language. */
    record PairCounts(Map<String, Map<String, Long>> counts) {

        /** Matches per kind among those in {@code language} (null: any). */
        Map<String, Long> byKind(String language) {
            Map<String, Long> sums = new HashMap<>();
            counts.forEach((kind, byLanguage) -> {
                long sum = language == null ? byLanguage.values().stream().mapToLong(Long::longValue).sum()
                        : byLanguage.getOrDefault(language, 0L);
                if (sum > 0) {
                    sums.put(kind, sum);
                }
            });
            return sums;
        }

        /** Matches per language among those of {@code kind} (null: any). */
        Map<String, Long> byLanguage(String kind) {
            Map<String, Long> sums = new HashMap<>();
            counts.forEach((value, byLanguage) -> {
                if (kind == null || kind.equals(value)) {
                    byLanguage.forEach((language, n) -> sums.merge(language, n, Long::sum));
                }
            });
            return sums;
        }
    }

    /** @param top the best matches that pass both filters, at most as many as asked for */
    record Outcome(PairCounts counts, TopDocs top) {
    }

    private MatchCounter() {
    }

    /**
     * @param kind     the kind filter (its URL parameter), or null
     * @param language the language filter (its canonical tag), or null
     * @param topHits  how many of the best filtered matches to keep, at least 1
     */
    static Outcome collect(IndexSearcher searcher, Query query, String kind, String language, int topHits)
            throws IOException {
        // Every match is visited for the counts anyway, so the best ones are picked in the same pass;
        // an unlimited threshold keeps the top collector from asking the scorer to skip matches.
        TopScoreDocCollectorManager topManager = new TopScoreDocCollectorManager(topHits, null, Integer.MAX_VALUE);
        return searcher.search(query, new CollectorManager<PassageCollector, Outcome>() {
            @Override
            public PassageCollector newCollector() {
                return new PassageCollector(kind, language, topManager.newCollector());
            }

            @Override
            public Outcome reduce(Collection<PassageCollector> collectors) throws IOException {
                Map<String, Map<String, Long>> total = new HashMap<>();
                List<TopScoreDocCollector> tops = new ArrayList<>();
                for (PassageCollector collector : collectors) {
                    collector.counts.forEach((k, byLanguage) -> byLanguage.forEach((l, n) ->
                            total.computeIfAbsent(k, x -> new HashMap<>()).merge(l, n, Long::sum)));
                    tops.add(collector.top);
                }
                return new Outcome(new PairCounts(total), topManager.reduce(tops));
            }
        });
    }

    /** No filter on this field. */
    private static final int ANY = -1;
    /** The filter's value does not occur in the segment: nothing there passes. */
    private static final int NONE = -2;

    private static final class PassageCollector implements Collector {
        private final BytesRef kind;
        private final BytesRef language;
        private final TopScoreDocCollector top;
        private final Map<String, Map<String, Long>> counts = new HashMap<>();

        PassageCollector(String kind, String language, TopScoreDocCollector top) {
            this.kind = kind == null ? null : new BytesRef(kind);
            this.language = language == null ? null : new BytesRef(language);
            this.top = top;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            return new SegmentCollector(context, top.getLeafCollector(context));
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }

        private final class SegmentCollector implements LeafCollector {
            private final SortedDocValues kinds;
            private final SortedDocValues languages;
            private final int languageCount;
            private final int wantedKind;
            private final int wantedLanguage;
            // Five kinds and a few languages: a small table of ordinals, turned into values at the end.
            private final long[] perPair;
            private final LeafCollector best;

            SegmentCollector(LeafReaderContext context, LeafCollector best) throws IOException {
                this.kinds = DocValues.getSorted(context.reader(), PassageFields.KIND);
                this.languages = DocValues.getSorted(context.reader(), PassageFields.LANGUAGE);
                this.languageCount = languages.getValueCount();
                this.perPair = new long[kinds.getValueCount() * languageCount];
                this.wantedKind = wanted(kinds, kind);
                this.wantedLanguage = wanted(languages, language);
                this.best = best;
            }

            /** The ordinal of the filter value in this segment, {@link #ANY} or {@link #NONE}. */
            private static int wanted(SortedDocValues values, BytesRef filter) throws IOException {
                if (filter == null) {
                    return ANY;
                }
                int ordinal = values.lookupTerm(filter);
                return ordinal >= 0 ? ordinal : NONE;
            }

            @Override
            public void setScorer(Scorable scorer) throws IOException {
                best.setScorer(scorer);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (!kinds.advanceExact(doc) || !languages.advanceExact(doc)) {
                    return;
                }
                int kindOrdinal = kinds.ordValue();
                int languageOrdinal = languages.ordValue();
                perPair[kindOrdinal * languageCount + languageOrdinal]++;
                if ((wantedKind == ANY || wantedKind == kindOrdinal)
                        && (wantedLanguage == ANY || wantedLanguage == languageOrdinal)) {
                    best.collect(doc);
                }
            }

            @Override
            public void finish() throws IOException {
                for (int pair = 0; pair < perPair.length; pair++) {
                    if (perPair[pair] > 0) {
                        String kindValue = kinds.lookupOrd(pair / languageCount).utf8ToString();
                        String languageValue = languages.lookupOrd(pair % languageCount).utf8ToString();
                        counts.computeIfAbsent(kindValue, k -> new HashMap<>()).merge(languageValue, perPair[pair], Long::sum);
                    }
                }
                best.finish();
            }
        }
    }
}
