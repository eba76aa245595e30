package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kzarchive.search.ReaderQuery.AllOf;
import org.kzarchive.search.ReaderQuery.AnyOf;
import org.kzarchive.search.ReaderQuery.Phrase;
import org.kzarchive.search.ReaderQuery.Word;

class ReaderQueryParserTest {

    static ReaderQuery parse(String q) {
        return ReaderQueryParser.parse(q).query();
    }

    static Word word(String text) {
        return new Word(text, false);
    }

    @Test
    void wordsAreAllRequired() {
        assertThat(parse("manifestanti Almaty")).isEqualTo(new AllOf(List.of(word("manifestanti"), word("Almaty")), List.of()));
    }

    @Test
    void singleWordStandsAlone() {
        assertThat(parse("  Tokaev ")).isEqualTo(word("Tokaev"));
    }

    @Test
    void orJoinsNeighboursBeforeTheImplicitAnd() {
        assertThat(parse("Almaty fiamme OR sciopero")).isEqualTo(new AllOf(
                List.of(word("Almaty"), new AnyOf(List.of(word("fiamme"), word("sciopero")))), List.of()));
    }

    @Test
    void quotesMakeAPhraseAndMinusExcludes() {
        assertThat(parse("\"stato di emergenza\" -polizia")).isEqualTo(
                new AllOf(List.of(new Phrase("stato di emergenza")), List.of(word("polizia"))));
    }

    @Test
    void typographicQuotesWorkLikeStraightOnes() {
        assertThat(parse("«stato di emergenza»")).isEqualTo(new Phrase("stato di emergenza"));
    }

    @Test
    void hyphenInsideAWordIsNotAnExclusion() {
        assertThat(parse("Kassym-Jomart")).isEqualTo(word("Kassym-Jomart"));
    }

    @Test
    void trailingStarMakesAPrefix() {
        assertThat(parse("manifest*")).isEqualTo(new Word("manifest", true));
    }

    @Test
    void groupCanBeExcluded() {
        assertThat(parse("presidente -(Tokaev OR Nazarbayev)")).isEqualTo(new AllOf(List.of(word("presidente")),
                List.of(new AnyOf(List.of(word("Tokaev"), word("Nazarbayev"))))));
    }

    @Test
    void lowerCaseOrIsAWord() {
        assertThat(parse("war or peace")).isEqualTo(
                new AllOf(List.of(word("war"), word("or"), word("peace")), List.of()));
    }

    @Test
    void wantedWordsLeaveOutExclusionsAndPrefixes() {
        assertThat(ReaderQueryParser.parse("manifestnti OR Tokajev -polizia akim* \"stato\"").wantedWords())
                .containsExactly("manifestnti", "Tokajev");
    }

    @Test
    void noticesComeOnceEach() {
        assertThat(ReaderQueryParser.parse("\" \" \" ) )").notices())
                .containsExactly(QueryNotice.UNBALANCED_QUOTE, QueryNotice.UNBALANCED_PARENTHESIS, QueryNotice.EMPTY_QUERY);
    }
}
