package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A prefix search expands to every word it starts: a one-letter stem would expand to most of the index. */
class ShortPrefixTest {

    @Test
    void aOneLetterWordAfterAHyphenIsRefusedLikeAOneLetterPrefix() {
        for (String q : new String[] {"a*", "il-a*", "l'a*", "kassym-j*"}) {
            var parsed = ReaderQueryParser.parse(q);
            assertThat(parsed.notices()).as(q).contains(QueryNotice.PREFIX_TOO_SHORT);
            assertThat(parsed.query()).as(q).isNull();
        }
    }

    @Test
    void aHyphenatedPrefixWithALongerLastWordStillWorks() {
        var parsed = ReaderQueryParser.parse("kassym-jo*");
        assertThat(parsed.notices()).doesNotContain(QueryNotice.PREFIX_TOO_SHORT);
        assertThat(parsed.query()).isEqualTo(new ReaderQuery.Word("kassym-jo", true));
    }
}
