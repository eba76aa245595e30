package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SearchParametersTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null, 1, false",
            "'', 1, false",
            "3, 3, false",
            "' 7 ', 7, false",
            "+2, 2, false",
            "007, 7, false",
            "0, 1, true",
            "-1, 1, true",
            "1.5, 1, true",
            "abc, 1, true",
            "1e3, 1, true",
            "99999999999999999999, 2147483647, false"})
    void pageNumbersAreReadLeniently(String page, int expected, boolean complaint) {
        SearchParameters parameters = SearchParameters.read("Almaty", null, null, page);
        assertThat(parameters.request().page()).isEqualTo(expected);
        assertThat(parameters.problems()).extracting(SearchParameters.Problem::key)
                .containsExactlyElementsOf(complaint ? java.util.List.of("search.notice.bad-page") : java.util.List.of());
    }

    @Test
    void knownKindsAndLanguagesFilter() {
        SearchParameters parameters = SearchParameters.read("Almaty", "pt-BR", "Caption", null);
        assertThat(parameters.request().language()).isEqualTo("pt-BR");
        assertThat(parameters.request().kind()).isEqualTo(PassageKind.CAPTION);
        assertThat(parameters.problems()).isEmpty();
    }

    @Test
    void unknownKindsAndLanguagesAreDroppedWithTheValueShownShortAndPrintable() {
        SearchParameters parameters = SearchParameters.read("Almaty", "zz", "x\u0000y".repeat(30), null);
        assertThat(parameters.request().language()).isNull();
        assertThat(parameters.request().kind()).isNull();
        assertThat(parameters.problems()).extracting(SearchParameters.Problem::key)
                .containsExactly("search.notice.unknown-language", "search.notice.unknown-kind");
        assertThat(parameters.problems().get(0).value()).isEqualTo("zz");
        assertThat(parameters.problems().get(1).value()).hasSize(41).endsWith("…").doesNotContain("\u0000");
    }

    @Test
    void aBlankQueryIsNoQuery() {
        assertThat(SearchParameters.read(null, null, null, null).hasQuery()).isFalse();
        assertThat(SearchParameters.read("  ", null, null, null).hasQuery()).isFalse();
        assertThat(SearchParameters.read("Almaty", null, null, null).hasQuery()).isTrue();
    }
}
