package org.kzarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Finds the passages shown as hits in the work's other published editions. Editions are aligned
 * block by block through their anchors, which a translation keeps from the edition it renders, so
 * the counterparts of a passage are the passages of the same work with the same anchor: one term
 * lookup for the whole page of hits, reading at most {@value #MAX_EDITIONS} editions per hit.
 */
final class AlignedPassages {

    /** The same passage in another edition. */
    record Counterpart(String language, String url) {
    }

    static final int MAX_EDITIONS = 30;
    private static final Set<String> FIELDS = Set.of(PassageFields.ID, PassageFields.WORK_SLUG,
            PassageFields.TRANSLATION, PassageFields.LANGUAGE, PassageFields.URL);

    private AlignedPassages() {
    }

    /** For each passage, by its id, its counterparts ordered by language tag; none for a passage alone. */
    static Map<String, List<Counterpart>> of(IndexSearcher searcher, List<Passage> passages) throws IOException {
        Map<String, List<Passage>> byAlignment = new LinkedHashMap<>();
        passages.forEach(p -> byAlignment.computeIfAbsent(p.alignment(), k -> new ArrayList<>()).add(p));
        Map<String, List<Counterpart>> found = new LinkedHashMap<>();
        if (byAlignment.isEmpty()) {
            return found;
        }
        var query = new TermInSetQuery(PassageFields.ALIGNMENT, byAlignment.keySet().stream().map(BytesRef::new).toList());
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc match : searcher.search(query, byAlignment.size() * MAX_EDITIONS).scoreDocs) {
            Document doc = stored.document(match.doc, FIELDS);
            String alignment = Passage.alignment(doc.get(PassageFields.WORK_SLUG), doc.get(PassageFields.ID));
            long translation = Long.parseLong(doc.get(PassageFields.TRANSLATION));
            for (Passage passage : byAlignment.getOrDefault(alignment, List.of())) {
                if (passage.translationId() != translation) {
                    found.computeIfAbsent(passage.id(), k -> new ArrayList<>())
                            .add(new Counterpart(doc.get(PassageFields.LANGUAGE), doc.get(PassageFields.URL)));
                }
            }
        }
        found.values().forEach(list -> list.sort(Comparator.comparing(Counterpart::language)));
        return found;
    }
}
