package org.kzarchive.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * With {@code archive.replica-url}, readers' pages read from a real streaming replica
 * (pg_basebackup of the primary, hot standby); editors write to the primary, and a change is on
 * the pages at once, never a page from before it.
 */
class ReadReplicaTest {

    static final String WORK = "kazakistan-dopo-la-rivolta";

    @TempDir
    Path dataDir;

    /** In Spring's AOT mode too: the database and the replica are those named at start, not at build time. */
    @ParameterizedTest(name = "AOT mode: {0}")
    @ValueSource(booleans = {false, true})
    void readersPagesReadFromTheReplicaChangesShowAtOnceAndAnAbsentReplicaFallsBackToThePrimary(boolean aotMode)
            throws Exception {
        assumeTrue(PostgresServer.available(), "PostgreSQL 15 binaries are not installed");
        try (var primary = PostgresServer.started(); var replica = primary.streamingReplica();
             var site = aotMode
                     ? ArchiveInstance.startInAotMode(dataDir, primary.jdbcUrl(), "--archive.replica-url=" + replica.jdbcUrl())
                     : ArchiveInstance.start(dataDir, primary.jdbcUrl(), "--archive.replica-url=" + replica.jdbcUrl())) {
            assertThat(site.inAotMode()).isEqualTo(aotMode);
            assertThat(site.bean(JdbcConnectionDetails.class).getJdbcUrl()).as("no embedded database").isEqualTo(primary.jdbcUrl());
            var reader = new SiteVisitor();
            assertThat(reader.get(site.base() + "/it/" + WORK + "/notes").statusCode()).isEqualTo(200);
            assertThat(readerConnections(replica)).as("connections of the replica's pool on the replica").isPositive();
            assertThat(readerConnections(primary)).isZero();

            var editor = new SiteVisitor();
            editor.signIn(site.base());
            var published = editor.submit(site.base() + "/admin/translations/new", site.base() + "/admin/translations",
                    Map.of("work", WORK, "language", "de", "action", "publish", "markdown",
                            SeedText.italian(site).replace("language: it", "language: de")
                                    .replace("Dopo la nostra copertura", "Replikawort dopo la nostra copertura")));
            assertThat(published.statusCode()).as("written to the primary (the replica is read-only)").isEqualTo(302);
            // the page is rendered from the replica only once it has replayed the change: a page rendered
            // earlier would stay cached. (For an instant a reader may be given the previous version
            // while the page is rendered again, so the test asks until it is current.)
            TwoInstancesTest.within(Duration.ofSeconds(10),
                    () -> !reader.page(site.base() + "/").select("a[href=/de/" + WORK + "]").isEmpty());
            assertThat(reader.page(site.base() + "/de/" + WORK).select("main").text()).contains("Replikawort");

            replica.stop();
            // parallel pages: not rendered in the background, so rendered now, from the primary
            assertThat(reader.get(site.base() + "/de/" + WORK + "/parallel/it").statusCode()).isEqualTo(200);
            assertThat(reader.get(site.base() + "/it/" + WORK + "/parallel/de").statusCode()).isEqualTo(200);
        }
    }

    private static int readerConnections(PostgresServer server) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery(
                     "select count(*) from pg_stat_activity where application_name = 'kzarchive public reads'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
