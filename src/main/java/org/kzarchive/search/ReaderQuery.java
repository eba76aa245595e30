package org.kzarchive.search;

import java.util.List;

/**
 * A reader's query after parsing, before analysis: what they asked for, independent of
 * languages and fields. {@link PassageQueryBuilder} turns it into a Lucene query.
 */
sealed interface ReaderQuery {

    /** A single word; {@code prefix} when it ended with *, e.g. {@code manifest*}. */
    record Word(String text, boolean prefix) implements ReaderQuery {
    }

    /** Words in quotes, to be found next to each other. */
    record Phrase(String text) implements ReaderQuery {
    }

    /** Everything in {@code required} must match and nothing in {@code excluded} may. */
    record AllOf(List<ReaderQuery> required, List<ReaderQuery> excluded) implements ReaderQuery {
    }

    /** Words joined by OR. */
    record AnyOf(List<ReaderQuery> options) implements ReaderQuery {
    }
}
