package org.kzarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers readers' searches: parses what they typed, finds passages in every language, counts
 * matches per kind and language, cuts highlighted excerpts and, when nothing is found, suggests
 * spellings. Never throws for anything a reader can type; problems come back as notices.
 */
public final class PassageSearch {

    /** Deepest hit a reader can page to; deeper pages are clamped, as no one reads that far. */
    static final int MAX_RESULT_WINDOW = 1000;
    private static final int MAX_SUGGESTIONS = 3;
    private static final Logger log = LoggerFactory.getLogger(PassageSearch.class);

    private final SearchIndex index;
    private final ExcerptHighlighter highlighter;
    private final SpellingSuggester spelling;

    public PassageSearch(SearchIndex index) {
        this.index = index;
        this.highlighter = new ExcerptHighlighter(index.analyzers());
        this.spelling = new SpellingSuggester(index.analyzers());
    }

    /** Whether the index is being recreated after damage: results come from the index as it was. */
    public boolean indexRebuilding() {
        return index.isRebuilding();
    }

    public SearchResults search(SearchRequest request) {
        ParsedQuery parsed = ReaderQueryParser.parse(request.q());
        if (!parsed.isSearchable()) {
            return nothingFound(request, parsed, parsed.notices());
        }
        PassageQueryBuilder queries = new PassageQueryBuilder(index.analyzers());
        Query query = queries.build(parsed.query());
        if (query == null) {
            return nothingFound(request, parsed, with(parsed.notices(), QueryNotice.ONLY_COMMON_WORDS));
        }
        try {
            return index.withSearcher(searcher -> search(searcher, request, parsed, queries, query));
        } catch (IOException | RuntimeException e) {
            // Whatever went wrong is ours, not the reader's: log it and show a polite message.
            log.warn("Search for [{}] failed", parsed.text(), e);
            return nothingFound(request, parsed, with(parsed.notices(), QueryNotice.SEARCH_UNAVAILABLE));
        }
    }

    private SearchResults search(IndexSearcher searcher, SearchRequest request, ParsedQuery parsed,
            PassageQueryBuilder queries, Query query)
            throws IOException {
        int pageSize = request.pageSize();
        int deepestPage = Math.min(request.page(), MAX_RESULT_WINDOW / pageSize);
        String kind = request.kind() == null ? null : request.kind().parameter();
        // Each facet is counted without its own filter, so the reader sees where switching leads;
        // one pass counts every (kind, language) pair and keeps the best filtered matches.
        MatchCounter.Outcome matches = MatchCounter.collect(searcher, query, kind, request.language(),
                deepestPage * pageSize);
        Map<PassageKind, Long> kindCounts = kindCounts(matches.counts().byKind(request.language()));
        Map<String, Long> languageCounts = languageCounts(matches.counts().byLanguage(kind));
        long totalHits = request.kind() == null
                ? kindCounts.values().stream().mapToLong(Long::longValue).sum()
                : kindCounts.get(request.kind());

        int lastPage = (int) Math.max(1, Math.min((totalHits + pageSize - 1) / pageSize, MAX_RESULT_WINDOW / pageSize));
        int page = Math.min(request.page(), lastPage);
        List<SearchHit> hits = totalHits == 0 ? List.of() : hits(searcher, matches.top(), parsed, queries, query,
                page, pageSize);
        List<String> suggestions = totalHits == 0
                ? suggestions(searcher, parsed, queries, filter(PassageFields.LANGUAGE, request.language()), filter(PassageFields.KIND, kind))
                : List.of();
        return new SearchResults(parsed.text(), request.language(), request.kind(), hits, totalHits, page, pageSize,
                kindCounts, languageCounts, suggestions, parsed.notices());
    }

    private List<SearchHit> hits(IndexSearcher searcher, TopDocs top, ParsedQuery parsed,
            PassageQueryBuilder queries, Query query, int page, int pageSize) throws IOException {
        int from = (page - 1) * pageSize;
        if (from >= top.scoreDocs.length) {
            return List.of();
        }
        ScoreDoc[] shown = Arrays.copyOfRange(top.scoreDocs, from, Math.min(from + pageSize, top.scoreDocs.length));
        int[] docIds = Arrays.stream(shown).mapToInt(scoreDoc -> scoreDoc.doc).toArray();
        StoredFields stored = searcher.storedFields();
        Passage[] passages = new Passage[shown.length];
        TextLanguage[] languages = new TextLanguage[shown.length];
        for (int i = 0; i < shown.length; i++) {
            passages[i] = PassageDocuments.toPassage(stored.document(shown[i].doc));
            languages[i] = TextLanguage.of(passages[i].language());
        }
        String[] texts = Arrays.stream(passages).map(Passage::text).toArray(String[]::new);
        String[] excerpts = highlighter.excerpts(searcher, query,
                language -> queries.build(parsed.query(), language), docIds, languages, texts);
        Map<String, List<AlignedPassages.Counterpart>> alsoIn = AlignedPassages.of(searcher, Arrays.asList(passages));
        List<SearchHit> hits = new ArrayList<>(shown.length);
        for (int i = 0; i < shown.length; i++) {
            String excerpt = excerpts[i] != null ? excerpts[i] : ExcerptFormatter.opening(passages[i].text());
            hits.add(new SearchHit(passages[i], excerpt, shown[i].score,
                    alsoIn.getOrDefault(passages[i].id(), List.of())));
        }
        return hits;
    }

    /** Alternative queries that do find something with the same filters. */
    private List<String> suggestions(IndexSearcher searcher, ParsedQuery parsed, PassageQueryBuilder queries,
            Query languageFilter,
            Query kindFilter) throws IOException {
        List<String> found = new ArrayList<>();
        for (String alternative : spelling.alternatives(searcher.getIndexReader(), parsed.text(), parsed.wantedWords())) {
            ParsedQuery reparsed = ReaderQueryParser.parse(alternative);
            Query query = reparsed.isSearchable() ? queries.build(reparsed.query()) : null;
            if (query != null && findsAnything(searcher, filtered(query, languageFilter, kindFilter))) {
                found.add(alternative);
                if (found.size() == MAX_SUGGESTIONS) {
                    break;
                }
            }
        }
        return found;
    }

    /** Whether the query matches any passage: stops at the first match instead of counting them all. */
    private static boolean findsAnything(IndexSearcher searcher, Query query) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Query filter(String field, String value) {
        return value == null ? null : new TermQuery(new Term(field, value));
    }

    private static Query filtered(Query query, Query languageFilter, Query kindFilter) {
        if (languageFilter == null && kindFilter == null) {
            return query;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, Occur.MUST);
        if (languageFilter != null) {
            builder.add(languageFilter, Occur.FILTER);
        }
        if (kindFilter != null) {
            builder.add(kindFilter, Occur.FILTER);
        }
        return builder.build();
    }

    private static Map<PassageKind, Long> kindCounts(Map<String, Long> byParameter) {
        Map<PassageKind, Long> counts = new EnumMap<>(PassageKind.class);
        for (PassageKind kind : PassageKind.values()) {
            counts.put(kind, byParameter.getOrDefault(kind.parameter(), 0L));
        }
        return Collections.unmodifiableMap(counts);
    }

    private static Map<String, Long> languageCounts(Map<String, Long> byTag) {
        Map<String, Long> counts = new LinkedHashMap<>();
        byTag.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(counts);
    }

    private static SearchResults nothingFound(SearchRequest request, ParsedQuery parsed, List<QueryNotice> notices) {
        return new SearchResults(parsed.text(), request.language(), request.kind(), List.of(), 0, 1,
                request.pageSize(), kindCounts(Map.of()), Map.of(), List.of(), notices);
    }

    private static List<QueryNotice> with(List<QueryNotice> notices, QueryNotice notice) {
        List<QueryNotice> all = new ArrayList<>(notices);
        all.add(notice);
        return all;
    }
}
