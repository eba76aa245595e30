package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The flat form of a query is the per-language form, only cheaper to run. */
class PassageQueryBuilderTest {

    @RegisterExtension
    static final IndexedArchive archive = new IndexedArchive();

    private static ScoreDoc[] run(Query query) throws IOException {
        return archive.index().withSearcher(searcher -> searcher.search(query, 1_000).scoreDocs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Almaty", "Tokaev", "Nazarbaev Almaty", "manifestanti", "\"stato di emergenza\"",
            "manifest*", "polizia OR esercito", "(Almaty OR Zhanaozen) governo", "protesters", "Gorbachev", "Almaty -fotografo",
            "Almaty -Tokayev", "rivolta -(Gorbaciov OR Nazarbayev)"})
    void whereEveryWordCountsInEveryLanguageTheFlatQueryFindsAndRanksAsThePerLanguageOne(String q) throws IOException {
        ReaderQuery parsed = ReaderQueryParser.parse(q).query();
        PassageQueryBuilder builder = new PassageQueryBuilder(archive.index().analyzers());

        ScoreDoc[] flat = run(builder.build(parsed));
        ScoreDoc[] perLanguage = run(builder.perLanguage(parsed));

        assertThat(flat).as(q).isNotEmpty();
        assertThat(Arrays.stream(flat).mapToInt(d -> d.doc).sorted().toArray())
                .isEqualTo(Arrays.stream(perLanguage).mapToInt(d -> d.doc).sorted().toArray());
        for (ScoreDoc doc : flat) {
            float other = Arrays.stream(perLanguage).filter(d -> d.doc == doc.doc).findFirst().orElseThrow().score;
            assertThat(doc.score).as(q + " doc " + doc.doc).isCloseTo(other, org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @Test
    void aStopWordInSomeLanguageKeepsTheQueryPerLanguage() {
        PassageQueryBuilder builder = new PassageQueryBuilder(archive.index().analyzers());
        assertThat(builder.build(ReaderQueryParser.parse("prezzo del gas").query()))
                .isInstanceOf(org.apache.lucene.search.DisjunctionMaxQuery.class);
    }

    @Test
    void anExcludedWordExcludesEvenWhenTheOtherWordsMatchAsNameVariants() {
        List<SearchHit> hits = archive.search().search(SearchRequest.of("Almaty -fotografo")).hits();
        assertThat(hits).isNotEmpty();
        assertThat(hits).noneMatch(hit -> hit.passage().text().contains("fotografo"));
    }
}
