package org.kzarchive.search;

/**
 * What {@link SearchIndex#openOrRebuild} did, for the start-up log.
 *
 * @param rebuildReason why the index was rebuilt, or null if the existing index was reused
 */
public record IndexStartup(boolean rebuilt, String rebuildReason, int passages) {

    @Override
    public String toString() {
        return rebuilt
                ? "Search index rebuilt with " + passages + " passages because " + rebuildReason
                : "Search index opened with " + passages + " passages";
    }
}
