package org.kzarchive.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Ranks the candidate pieces of an excerpt with the highlighter's default formula (BM25 over the
 * piece, favouring early pieces), but finds a piece's distinct terms by comparing them in place:
 * the default builds a hash table with a 32 KB block for every piece of every hit, which made
 * excerpts the largest source of garbage in a search.
 */
final class ExcerptScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        double score = 0;
        for (int i = 0; i < matches; i++) {
            if (seenBefore(terms, i)) {
                continue;
            }
            int freqInPassage = 1;
            for (int j = i + 1; j < matches; j++) {
                if (terms[j].bytesEquals(terms[i])) {
                    freqInPassage++;
                }
            }
            score += tf(freqInPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
        }
        return (float) (score * norm(passage.getStartOffset()));
    }

    /** A piece has a handful of matches: a quadratic scan costs less than any table. */
    private static boolean seenBefore(BytesRef[] terms, int index) {
        for (int k = 0; k < index; k++) {
            if (terms[k].bytesEquals(terms[index])) {
                return true;
            }
        }
        return false;
    }
}
