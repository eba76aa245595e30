package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Search over one work in three editions (Italian, English, Russian) whose passages share their
 * anchors, and a second work: Russian and English word forms, names across the Latin and
 * Cyrillic alphabets, and the "also in" counterparts of each hit.
 */
class MultilingualSearchTest {

    private static final long IT = 11;
    private static final long EN = 12;
    private static final long RU = 13;
    private static final long OTHER_WORK = 14;
    private static final String WORK = "prova";

    @TempDir
    static Path directory;
    private static SearchIndex index;
    private static PassageSearch search;

    static Passage passage(long translation, String language, String anchor, PassageKind kind, String text) {
        return new Passage("t" + translation + ":" + anchor, language, WORK, "Title " + language, translation, kind,
                null, anchor, "/" + language + "/" + WORK + "#" + anchor, text);
    }

    static List<Passage> passages() {
        return List.of(
                passage(IT, "it", "proteste", PassageKind.ANALYSIS,
                        "Le proteste sono iniziate a Zhanaozen e si sono estese ad Almaty; il presidente Tokayev ha chiesto aiuto."),
                passage(EN, "en", "proteste", PassageKind.ANALYSIS,
                        "The protests began in Zhanaozen and spread to Almaty; President Tokayev asked for help."),
                passage(RU, "ru", "proteste", PassageKind.ANALYSIS,
                        "Протесты начались в Жанаозене и охватили Алматы; президент Токаев попросил о помощи."),
                passage(IT, "it", "nazarbaev", PassageKind.ANALYSIS,
                        "I manifestanti volevano la rimozione di Nazarbaev dal Consiglio di sicurezza."),
                passage(RU, "ru", "nazarbaev", PassageKind.ANALYSIS,
                        "Участники протестов требовали отставки Назарбаева с поста главы Совета безопасности."),
                passage(EN, "en", "tokaev-speech", PassageKind.ANALYSIS,
                        "Tokaev called the protesters terrorists in his speech."),
                passage(RU, "ru", "yolka", PassageKind.INTERVIEW,
                        "Мы шли мимо ёлки на площади, и всё было в дыму."),
                passage(RU, "ru", "timeline:event-1", PassageKind.TIMELINE, "5 января 2022 г. — Горит акимат Алматы"),
                passage(EN, "en", "timeline:event-1", PassageKind.TIMELINE, "5 January 2022 — The Akimat of Almaty burns"),
                new Passage("t" + OTHER_WORK + ":proteste", "en", "another-work", "Another work", OTHER_WORK,
                        PassageKind.ANALYSIS, null, "proteste", "/en/another-work#proteste",
                        "A protest in another work, which shares an anchor name by chance."));
    }

    @BeforeAll
    static void index() throws IOException {
        index = new SearchIndex(directory.resolve("index"));
        index.openOrRebuild(ArchivePassages.source(passages()));
        search = new PassageSearch(index);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static SearchResults find(String q, String language) {
        return search.search(new SearchRequest(q, language, null, 1, SearchRequest.MAX_PAGE_SIZE));
    }

    static List<String> ids(String q, String language) {
        return find(q, language).hits().stream().map(hit -> hit.passage().id()).toList();
    }

    @ParameterizedTest(name = "{0} finds the Russian passage that says {1}")
    @CsvSource({"протестов, Протесты", "протесты, протестов", "протест, Протесты"})
    void russianWordsFindTheirOtherForms(String query, String written) {
        assertThat(ids(query, "ru")).contains(written.equals("протестов") ? "t13:nazarbaev" : "t13:proteste");
    }

    @Test
    void russianPluralAndGenitiveMeetInBothDirections() {
        assertThat(ids("протестов", "ru")).containsExactlyInAnyOrder("t13:proteste", "t13:nazarbaev");
        assertThat(ids("протесты", "ru")).containsExactlyInAnyOrder("t13:proteste", "t13:nazarbaev");
    }

    @Test
    void yoAndYeAreOneLetterInRussian() {
        assertThat(ids("елки", null)).containsExactly("t13:yolka");
        assertThat(ids("ёлка", null)).containsExactly("t13:yolka");
        assertThat(ids("ЕЛКА", null)).containsExactly("t13:yolka");
    }

    @Test
    void englishWordsFindTheirOtherForms() {
        assertThat(ids("protest", "en")).contains("t12:proteste", "t14:proteste");
        assertThat(ids("protests", "en")).contains("t12:proteste", "t14:proteste");
        assertThat(ids("protester", "en")).contains("t12:tokaev-speech");
    }

    @ParameterizedTest(name = "{0} finds the Russian passage")
    @CsvSource({"Tokayev, t13:proteste", "Tokaev, t13:proteste", "tokaev, t13:proteste", "Almaty, t13:proteste",
            "Zhanaozen, t13:proteste", "Nazarbayev, t13:nazarbaev", "Nazarbaev, t13:nazarbaev"})
    void aNameInLatinLettersFindsItInCyrillic(String query, String russian) {
        assertThat(ids(query, "ru")).contains(russian);
    }

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource({"Токаев, t12:proteste", "Токаев, t12:tokaev-speech", "Токаев, t11:proteste", "Алматы, t12:proteste",
            "Жанаозен, t11:proteste", "Назарбаев, t11:nazarbaev", "Токаева, t12:tokaev-speech"})
    void aNameInCyrillicFindsItInLatinLetters(String query, String latin) {
        assertThat(ids(query, null)).contains(latin);
    }

    @Test
    void aNameFoundInAnotherAlphabetIsMarkedInTheExcerpt() {
        SearchHit russian = find("Tokayev", "ru").hits().getFirst();
        assertThat(russian.excerptHtml()).contains("<mark>Токаев</mark>");
        SearchHit english = find("Жанаозен", "en").hits().getFirst();
        assertThat(english.excerptHtml()).contains("<mark>Zhanaozen</mark>");
    }

    @Test
    void ordinaryRussianWordsDoNotTurnIntoLatinNames() {
        // "помощи" is no name: only capitalised words enter the name-variant field
        assertThat(ids("pomoshchi", null)).isEmpty();
    }

    @Test
    void aHitNamesTheSamePassageInTheWorksOtherEditions() {
        SearchHit russian = find("Токаев", "ru").hits().getFirst();
        assertThat(russian.passage().id()).isEqualTo("t13:proteste");
        assertThat(russian.alsoIn()).containsExactly(
                new AlignedPassages.Counterpart("en", "/en/prova#proteste"),
                new AlignedPassages.Counterpart("it", "/it/prova#proteste"));
    }

    @Test
    void aPassageWithoutCounterpartsHasNoAlsoIn() {
        SearchHit alone = find("ёлки", null).hits().getFirst();
        assertThat(alone.alsoIn()).isEmpty();
        SearchHit otherWork = find("chance", null).hits().getFirst();
        assertThat(otherWork.alsoIn()).as("the same anchor in another work is another passage").isEmpty();
    }

    @Test
    void timelineEventsAreAlignedWithTheirTimelinePages() {
        SearchHit event = find("акимат", "ru").hits().stream().filter(h -> h.kind() == PassageKind.TIMELINE)
                .findFirst().orElseThrow();
        assertThat(event.alsoIn()).extracting(AlignedPassages.Counterpart::language).containsExactly("en");
    }

    @Test
    void theLanguageFilterDoesNotHideTheOtherEditionsFromAlsoIn() {
        List<SearchHit> hits = find("Almaty", "it").hits();
        assertThat(hits).extracting(SearchHit::language).containsOnly("it");
        assertThat(hits.getFirst().alsoIn()).extracting(AlignedPassages.Counterpart::language).containsExactly("en", "ru");
    }
}
