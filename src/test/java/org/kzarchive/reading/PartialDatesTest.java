package org.kzarchive.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates as a reader of each language writes them. */
class PartialDatesTest {

    @ParameterizedTest(name = "{0}: {1} → {3}")
    @CsvSource(delimiter = '|', value = {
            "it | 2022-01-12 |            | 12 gennaio 2022",
            "en | 2022-01-12 |            | 12 January 2022",
            "ru | 2022-01-12 |            | 12 января 2022 г.",
            "it | 2022-01    |            | gennaio 2022",
            "en | 2022-01    |            | January 2022",
            "ru | 2022-01    |            | январь 2022",
            "it | 2022-01-05 | 2022-01-07 | 5–7 gennaio 2022",
            "en | 2022-01-05 | 2022-01-07 | 5–7 January 2022",
            "ru | 2022-01-05 | 2022-01-07 | 5–7 января 2022 г.",
            "en | 1986-12-17 | 1987-01-02 | 17 December 1986 – 2 January 1987",
            "en-US | 2022-01-12 |         | January 12, 2022",
            "ru | 1986       |            | 1986"})
    void datesAreWrittenInTheReadersLanguage(String language, String start, String end, String expected) {
        // Russian keeps "г." on the year's line with a narrow no-break space
        assertThat(PartialDates.format(start, end, Locale.forLanguageTag(language)).replace('\u202F', ' '))
                .isEqualTo(expected);
    }
}
