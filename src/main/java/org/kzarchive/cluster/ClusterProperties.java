package org.kzarchive.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How instances sharing one PostgreSQL stay in step, and where public pages read from.
 *
 * @param checkInterval   how often an instance compares what it mirrors (search index, cached
 *                        pages) with the database, in case an announcement of a change was lost
 * @param replicaUrl      a PostgreSQL read replica for the readers' pages, or empty for none
 * @param replicaUsername the replica's user; the primary's when empty
 * @param replicaPassword the replica's password; the primary's when the user is the primary's
 */
@ConfigurationProperties("archive")
record ClusterProperties(@DefaultValue("30s") Duration checkInterval, String replicaUrl, String replicaUsername,
                         String replicaPassword) {

    boolean hasReplica() {
        return replicaUrl != null && !replicaUrl.isBlank();
    }
}
