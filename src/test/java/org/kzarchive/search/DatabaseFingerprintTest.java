package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kzarchive.search.TranslationStates.TranslationState;

class DatabaseFingerprintTest {

    private static Map<Long, TranslationState> states(TranslationState... states) {
        Map<Long, TranslationState> map = new LinkedHashMap<>();
        for (TranslationState state : states) {
            map.put(state.id(), state);
        }
        return map;
    }

    private static final TranslationState ITALIAN = new TranslationState(1, true, "PUBLISHED|0|abc|it|Titolo|opera");
    private static final TranslationState ENGLISH = new TranslationState(2, true, "PUBLISHED|3|def|en|Title|opera");
    private static final TranslationState ENGLISH_EDITED = new TranslationState(2, true, "PUBLISHED|4|fed|en|Title|opera");

    @Test
    void theSameStatesGiveTheSameFingerprintWhateverTheirOrder() {
        assertThat(DatabaseFingerprint.of(states(ITALIAN, ENGLISH)).value())
                .isEqualTo(DatabaseFingerprint.of(states(ENGLISH, ITALIAN)).value())
                .hasSize(64);
    }

    @Test
    void anyChangedTranslationChangesTheFingerprint() {
        String before = DatabaseFingerprint.of(states(ITALIAN, ENGLISH)).value();
        assertThat(DatabaseFingerprint.of(states(ITALIAN, ENGLISH_EDITED)).value()).isNotEqualTo(before);
        assertThat(DatabaseFingerprint.of(states(ITALIAN)).value()).isNotEqualTo(before);
    }

    @Test
    void followingChangesOneByOneArrivesWhereReadingTheDatabaseAgainWould() {
        DatabaseFingerprint followed = DatabaseFingerprint.of(states(ITALIAN)).with(ENGLISH).with(ENGLISH_EDITED);
        assertThat(followed.value()).isEqualTo(DatabaseFingerprint.of(states(ITALIAN, ENGLISH_EDITED)).value());
        assertThat(followed.without(2).value()).isEqualTo(DatabaseFingerprint.of(states(ITALIAN)).value());
        assertThat(followed.translations()).isEqualTo(2);
    }
}
