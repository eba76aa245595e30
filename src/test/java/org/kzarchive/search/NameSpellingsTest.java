package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameSpellingsTest {

    static String key(String word) {
        return NameSpellings.key(word.toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest(name = "{0} and {1} share a key")
    @CsvSource({
            "Tokayev,       Tokaev",
            "Nazarbayev,    Nazarbaev",
            "Kulibayeva,    Kulibaeva",
            "Akhmedyarov,   Akhmediyarov",
            "Akhmedyarov,   Ahmedyarov",
            "Gorbaciov,     Gorbachev",
            "Gorbachyov,    Gorbachev",
            "Aliyev,        Aliev",
    })
    void spellingsOfOneNameShareAKey(String one, String other) {
        assertThat(key(one)).isEqualTo(key(other));
    }

    @ParameterizedTest(name = "{0} and {1} stay apart")
    @CsvSource({
            "Tokayev,   Tokmak",
            "Almaty,    Almati",
            "Nazarbaev, Nazarov",
    })
    void differentNamesStayApart(String one, String other) {
        assertThat(key(one)).isNotEqualTo(key(other));
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifestanti", "governo", "presidente", "polizia", "almaty", "kazakistan", "rivolta",
            "protesters", "government", "mary", "kassym"})
    void ordinaryWordsKeepTheirSpelling(String word) {
        assertThat(key(word)).isEqualTo(word);
    }
}
