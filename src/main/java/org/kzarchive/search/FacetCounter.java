package org.kzarchive.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Counts the matches of a query per value of a single-valued keyword field (language, kind). */
final class FacetCounter {

    private FacetCounter() {
    }

    static Map<String, Long> count(IndexSearcher searcher, Query query, String field) throws IOException {
        return searcher.search(query, new CollectorManager<ValueCollector, Map<String, Long>>() {
            @Override
            public ValueCollector newCollector() {
                return new ValueCollector(field);
            }

            @Override
            public Map<String, Long> reduce(Collection<ValueCollector> collectors) {
                Map<String, Long> total = new HashMap<>();
                collectors.forEach(collector -> collector.counts.forEach((value, n) -> total.merge(value, n, Long::sum)));
                return total;
            }
        });
    }

    private static final class ValueCollector extends SimpleCollector {
        private final String field;
        private final Map<String, Long> counts = new HashMap<>();
        private SortedDocValues values;
        private long[] perOrdinal;

        ValueCollector(String field) {
            this.field = field;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            values = DocValues.getSorted(context.reader(), field);
            perOrdinal = new long[values.getValueCount()];
        }

        @Override
        public void collect(int doc) throws IOException {
            if (values.advanceExact(doc)) {
                perOrdinal[values.ordValue()]++;
            }
        }

        /** Ordinals are per segment: turn them into values when a segment is done. */
        @Override
        public void finish() throws IOException {
            for (int ordinal = 0; ordinal < perOrdinal.length; ordinal++) {
                if (perOrdinal[ordinal] > 0) {
                    counts.merge(values.lookupOrd(ordinal).utf8ToString(), perOrdinal[ordinal], Long::sum);
                }
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
