package org.kzarchive.search;

import java.util.List;
import java.util.function.Consumer;

/** Where the index gets its passages from: the database, which the index only mirrors. */
public interface PassageSource {

    /** Hands every passage of every published translation to the sink; used to rebuild the index. */
    void forEachPublished(Consumer<Passage> sink);

    /** The passages of one translation, to re-index it after it was published or edited. */
    List<Passage> passagesOf(long translationId);
}
