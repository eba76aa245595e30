package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Searches as a reader makes them, on a real index of the test passages. */
class PassageSearchTest {

    @RegisterExtension
    static final IndexedArchive archive = new IndexedArchive();

    static SearchResults find(String q) {
        return archive.search().search(new SearchRequest(q, null, null, 1, SearchRequest.MAX_PAGE_SIZE));
    }

    static List<String> idsFound(String q) {
        return find(q).hits().stream().map(hit -> hit.passage().id()).toList();
    }

    @Nested
    class LanguageAnalysis {

        @Test
        void singularFindsPluralInItalian() {
            assertThat(idsFound("manifestante")).contains("t1:rivolta-1", "t1:rivolta-2");
        }

        @Test
        void wordFindsItWithTypographicAndStraightElidedApostrophe() {
            assertThat(idsFound("Akimat")).contains("t1:intervista-1", "t1:intervista-2");
            assertThat(idsFound("dell'Akimat")).contains("t1:intervista-1", "t1:intervista-2");
            assertThat(idsFound("dell’Akimat")).contains("t1:intervista-1", "t1:intervista-2");
        }

        @Test
        void unaccentedWordFindsAccentedOne() {
            assertThat(idsFound("citta")).containsExactly("t1:apertura-1");
            assertThat(idsFound("città")).containsExactly("t1:apertura-1");
            assertThat(idsFound("brutalita")).containsExactly("t1:rivolta-3");
        }

        @Test
        void italianStopWordsDoNotHaveToMatch() {
            assertThat(idsFound("la cacciata del presidente")).containsExactly("t1:rivolta-1");
        }

        @Test
        void englishWordsAreStemmed() {
            assertThat(idsFound("protester")).contains("t2:uprising-1"); // "protesters"
            assertThat(idsFound("resign")).containsExactly("t2:uprising-1"); // "resignation"
            assertThat(idsFound("declaring emergencies")).containsExactly("t2:uprising-2");
        }

        @Test
        void russianWordsAreStemmed() {
            assertThat(idsFound("правительство")).containsExactly("t3:vosstanie-1");
            assertThat(idsFound("глазами")).containsExactly("t3:intervyu-1"); // "глазам"
            // a name, so it also finds the Latin spelling Akimat (see MultilingualSearchTest)
            assertThat(idsFound("акимата")).contains("t3:intervyu-1", "t2:interview-1");
        }

        @Test
        void languagesWithoutTheirOwnAnalyzerAreStillFoldedAndLowerCased() {
            assertThat(idsFound("POLICIA")).containsExactly("t4:revolta-1");
        }
    }

    @Nested
    class NameVariants {

        @ParameterizedTest(name = "{0} finds {1}, which only spells it {2}")
        @CsvSource({
                "Tokaev,       t1:rivolta-1,    Tokayev",
                "Tokayev,      t1:rivolta-2,    Tokaev",
                "Tokayev,      t1:intervista-4, Tokaev",
                "Nazarbaev,    t1:fonti-1,      Nazarbayev",
                "Nazarbayev,   t1:intervista-3, Nazarbaev",
                "Akhmediyarov, t1:fonti-1,      Akhmedyarov",
                "Akhmedyarov,  t1:cronologia-1, Akhmediyarov",
                "Gorbachev,    t1:fonti-2,      Gorbaciov",
                "Gorbaciov,    t2:notes-1,      Gorbachev",
        })
        void nameFindsPassagesSpellingItDifferently(String query, String passageId, String spelling) {
            SearchResults results = find(query);
            assertThat(results.hits()).filteredOn(hit -> hit.passage().id().equals(passageId))
                    .singleElement()
                    .satisfies(hit -> assertThat(hit.excerptHtml()).contains("<mark>" + spelling + "</mark>"));
        }

        @Test
        void passagesWithTheSpellingTypedComeFirst() {
            SearchResults results = find("Tokaev");
            assertThat(results.hits().getFirst().passage().text()).contains("Tokaev");
            assertThat(results.hits().getLast().passage().text()).doesNotContain("Tokaev");
        }

        @Test
        void ordinaryWordsAreNotWidenedBySpellingRules() {
            // "chiari" would have the name key "ciari", but only capitalised words get name keys.
            assertThat(idsFound("chiari")).containsExactly("t1:fonti-1");
            assertThat(find("ciari").totalHits()).isZero();
            assertThat(idsFound("chiesto")).containsExactly("t1:rivolta-1");
        }

        @Test
        void excludingANameExcludesAllItsSpellings() {
            assertThat(idsFound("presidente -Tokayev")).doesNotContain("t1:rivolta-2", "t1:intervista-4");
        }
    }

    @Nested
    class QuerySyntax {

        @Test
        void allWordsMustMatch() {
            assertThat(idsFound("manifestanti polizia")).containsExactly("t1:rivolta-2");
        }

        @Test
        void quotedPhraseMatchesOnlyWordsInThatOrder() {
            assertThat(idsFound("\"stato di emergenza\"")).containsExactly("t1:rivolta-2");
            assertThat(find("\"emergenza di stato\"").totalHits()).isZero();
            assertThat(idsFound("“state of emergency”")).containsExactly("t2:uprising-2");
        }

        @Test
        void minusExcludesAWord() {
            List<String> ids = idsFound("manifestanti -polizia");
            assertThat(ids).contains("t1:rivolta-1").doesNotContain("t1:rivolta-2");
        }

        @Test
        void orFindsEitherWord() {
            assertThat(idsFound("fiamme OR sciopero")).containsExactlyInAnyOrder("t1:intervista-1", "t1:fonti-2");
        }

        @Test
        void orBindsTighterThanTheImplicitAnd() {
            assertThat(idsFound("Almaty fiamme OR sciopero")).containsExactly("t1:fonti-2");
        }

        @Test
        void parenthesesGroupAndCanBeExcluded() {
            assertThat(idsFound("presidente -(Tokaev OR Nazarbayev)")).isEmpty();
            assertThat(idsFound("governo (fiamme OR borghesia)")).containsExactly("t1:intervista-3");
        }

        @Test
        void starFindsWordsStartingWithPrefix() {
            assertThat(idsFound("manifest*")).contains("t1:rivolta-1", "t1:rivolta-2", "t4:revolta-1");
            // longer than the stem "manifestant": prefixes match words as written
            assertThat(idsFound("manifestanti*")).containsExactlyInAnyOrder("t1:rivolta-1", "t1:rivolta-2");
            assertThat(idsFound("akim*")).contains("t1:intervista-1", "t1:intervista-2", "t2:interview-1");
        }

        @Test
        void prefixMatchIsHighlighted() {
            assertThat(find("brutal*").hits().getFirst().excerptHtml()).contains("<mark>brutalità</mark>");
        }
    }

    @Nested
    class FiltersAndCounts {

        @Test
        void countsEveryLanguageAndKindOfTheMatches() {
            SearchResults results = find("Almaty");
            assertThat(results.totalHits()).isEqualTo(8);
            assertThat(results.languageCounts()).containsExactly(
                    java.util.Map.entry("it", 6L), java.util.Map.entry("en", 1L), java.util.Map.entry("pt-BR", 1L));
            assertThat(results.kindCounts()).containsEntry(PassageKind.ANALYSIS, 5L)
                    .containsEntry(PassageKind.CAPTION, 1L)
                    .containsEntry(PassageKind.FOOTNOTE, 2L)
                    .containsEntry(PassageKind.INTERVIEW, 0L);
        }

        @Test
        void languageFilterKeepsOtherLanguagesCountedSoTheReaderCanSwitch() {
            SearchResults results = archive.search().search(SearchRequest.of("Almaty").inLanguage("it"));
            assertThat(results.totalHits()).isEqualTo(6);
            assertThat(results.hits()).allSatisfy(hit -> assertThat(hit.language()).isEqualTo("it"));
            assertThat(results.languageCounts()).containsEntry("en", 1L).containsEntry("pt-BR", 1L);
            assertThat(results.kindCounts()).containsEntry(PassageKind.ANALYSIS, 4L)
                    .containsEntry(PassageKind.FOOTNOTE, 1L);
        }

        @Test
        void kindFilterKeepsOtherKindsCountedSoTheReaderCanSwitch() {
            SearchResults results = archive.search().search(SearchRequest.of("Almaty").ofKind(PassageKind.FOOTNOTE));
            assertThat(results.totalHits()).isEqualTo(2);
            assertThat(results.hits()).allSatisfy(hit -> assertThat(hit.kind()).isEqualTo(PassageKind.FOOTNOTE));
            assertThat(results.kindCounts()).containsEntry(PassageKind.ANALYSIS, 5L);
            assertThat(results.languageCounts()).containsOnlyKeys("it", "en");
        }

        @Test
        void languageFilterAcceptsAnyCaseOfTheTag() {
            assertThat(archive.search().search(SearchRequest.of("Almaty").inLanguage("PT_br")).totalHits()).isEqualTo(1);
        }

        @Test
        void kindIsReadFromItsUrlParameter() {
            assertThat(PassageKind.fromParameter("Interview")).contains(PassageKind.INTERVIEW);
            assertThat(PassageKind.fromParameter("nonsense")).isEmpty();
        }

        @Test
        void pagesThroughHitsAndStopsAtTheLastPage() {
            SearchRequest request = new SearchRequest("Almaty", null, null, 1, 3);
            SearchResults first = archive.search().search(request);
            assertThat(first.hits()).hasSize(3);
            assertThat(first.pageCount()).isEqualTo(3);
            assertThat(first.hasNextPage()).isTrue();
            assertThat(first.hasPreviousPage()).isFalse();

            SearchResults last = archive.search().search(request.atPage(3));
            assertThat(last.hits()).hasSize(2);
            assertThat(last.hasNextPage()).isFalse();

            SearchResults beyond = archive.search().search(request.atPage(99));
            assertThat(beyond.page()).isEqualTo(3);
            assertThat(beyond.hits()).hasSize(2);
        }
    }

    @Nested
    class Excerpts {

        @Test
        void hitCarriesWhatTheResultPageShows() {
            SearchHit hit = find("Zhanaozen").hits().getFirst();
            assertThat(hit.workTitle()).isEqualTo("Il Kazakistan dopo la rivolta");
            assertThat(hit.sectionTitle()).isEqualTo("Fonti russe");
            assertThat(hit.kind()).isEqualTo(PassageKind.ANALYSIS);
            assertThat(hit.language()).isEqualTo("it");
            assertThat(hit.url()).isEqualTo("/it/kazakistan-dopo-la-rivolta#fonti-2");
            assertThat(hit.excerptHtml()).contains("<mark>Zhanaozen</mark>");
        }

        @Test
        void matchesAreMarkedInTheExcerpt() {
            assertThat(find("manifestante").hits())
                    .allSatisfy(hit -> assertThat(hit.excerptHtml()).contains("<mark>manifestant"));
        }

        @Test
        void markupInTheTextIsEscapedAndOnlyMarkTagsRemain() {
            String excerpt = find("lettore").hits().getFirst().excerptHtml();
            assertThat(excerpt).contains("&lt;script&gt;").contains("&amp;").doesNotContain("<script>", "<b>");
            assertThat(excerpt.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
        }

        @Test
        void longPassageIsCutAroundTheMatch() {
            String excerpt = find("Tokayev slancio").hits().getFirst().excerptHtml();
            assertThat(excerpt).contains("<mark>slancio</mark>").startsWith("…");
            assertThat(excerpt.length()).isLessThan(ArchivePassages.italian().get(2).text().length());
        }
    }

    @Nested
    class SpellingHelp {

        @Test
        void misspeltNameGetsTheIndexedSpellings() {
            SearchResults results = find("Tokajev");
            assertThat(results.totalHits()).isZero();
            assertThat(results.suggestions()).isNotEmpty().allMatch(s -> s.equals("tokayev") || s.equals("tokaev"));
        }

        @Test
        void misspeltWordGetsTheCorrectedQuery() {
            assertThat(find("manifestnti").suggestions()).contains("manifestanti");
            assertThat(find("presidente manifestnti").suggestions()).first().isEqualTo("presidente manifestanti");
        }

        @Test
        void punctuationAroundAMisspeltWordDoesNotPreventHelp() {
            assertThat(find("Tokajev, presidente").suggestions()).contains("tokayev presidente");
        }

        @Test
        void suggestionsRespectTheFilters() {
            assertThat(archive.search().search(SearchRequest.of("manifestnti").inLanguage("en")).suggestions()).isEmpty();
        }

        @Test
        void noSuggestionsWhenSomethingWasFound() {
            assertThat(find("manifestanti").suggestions()).isEmpty();
        }
    }
}
