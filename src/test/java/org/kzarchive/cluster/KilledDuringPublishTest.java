package org.kzarchive.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzarchive.SiteProcess;

/**
 * The site's process is killed (SIGKILL, as kill -9) while PostgreSQL is in the middle of a publish.
 * After a restart the translation is wholly there or wholly absent, and the search index and the
 * pages say the same as the database.
 */
class KilledDuringPublishTest {

    static final String WORK = "kazakistan-dopo-la-rivolta";

    @TempDir
    Path dataDir;

    @Test
    void aPublishKilledMidwayLeavesTheTranslationWhollyBeforeOrAfterAndIndexAndPagesAgreeAfterRestart() throws Exception {
        assumeTrue(PostgresServer.available(), "PostgreSQL 15 binaries are not installed");
        try (var database = PostgresServer.started()) {
            int port = SiteProcess.freePort();
            String base = "http://localhost:" + port;
            Process site = startSite(database, port);
            try (Connection watcher = DriverManager.getConnection(database.jdbcUrl(), "postgres", "")) {
                waitForHealth(base, site);
                String italian = query(watcher, "select r.markdown from translation_revision r join translation t"
                        + " on t.id = r.translation_id where t.language = 'it' order by r.id limit 1");
                String german = italian.replace("language: it", "language: de")
                        .replace("Dopo la nostra copertura", "Abgebrochenwort dopo la nostra copertura");
                var editor = new SiteVisitor();
                editor.signIn(base);
                var form = editor.page(base + "/admin/translations/new");
                Map<String, String> fields = Map.of("_csrf", form.select("input[name=_csrf]").attr("value"),
                        "work", WORK, "language", "de", "markdown", german, "action", "publish");

                // Hold the publish in the middle: it has written the translation's row and sections and
                // waits to write its blocks, inside its transaction, while the process is killed.
                watcher.setAutoCommit(false);
                try (Statement lock = watcher.createStatement()) {
                    lock.execute("lock table block in share mode");
                }
                var answer = new java.util.concurrent.atomic.AtomicReference<String>("no answer");
                CompletableFuture.runAsync(() -> {
                    try {
                        answer.set("answered " + editor.post(base + "/admin/translations", fields).statusCode());
                    } catch (Exception expected) {
                        answer.set("killed while answering"); // as expected
                    }
                });
                boolean caught = false;
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!caught && System.nanoTime() < deadline) {
                    caught = !"0".equals(query(watcher, """
                            select count(*)::text from pg_locks l join pg_class c on c.oid = l.relation
                            where c.relname = 'block' and not l.granted and l.pid <> pg_backend_pid()"""));
                    Thread.sleep(5);
                }
                site.destroyForcibly().waitFor(); // SIGKILL, as kill -9
                watcher.rollback(); // the publish's transaction goes on, then finds its client gone and ends
                assertThat(caught).as("the publish was caught writing its blocks (the request: %s)", answer.get()).isTrue();
            } finally {
                site.destroyForcibly().waitFor();
            }

            Process restarted = startSite(database, port);
            try (Connection db = DriverManager.getConnection(database.jdbcUrl(), "postgres", "")) {
                waitForHealth(base, restarted);
                String status = query(db, "select coalesce((select status from translation where language = 'de'), 'ABSENT')");
                var reader = new SiteVisitor();
                boolean found = !reader.page(base + "/search?q=Abgebrochenwort").select(".results .result").isEmpty();
                int page = reader.get(base + "/de/" + WORK).statusCode();
                if (status.equals("ABSENT")) {
                    assertThat(query(db, "select count(*)::text from translation_revision r join translation t on t.id = r.translation_id "
                            + "where t.language = 'de'")).isEqualTo("0");
                    assertThat(found).isFalse();
                    assertThat(page).isEqualTo(404);
                } else {
                    assertThat(status).isEqualTo("PUBLISHED");
                    assertThat(query(db, "select count(*)::text from block b join translation t on t.id = b.translation_id where t.language = 'de'"))
                            .isEqualTo(query(db, "select count(*)::text from block b join translation t on t.id = b.translation_id where t.language = 'it'"));
                    assertThat(found).isTrue();
                    assertThat(page).isEqualTo(200);
                }
            } finally {
                restarted.destroy();
                restarted.waitFor();
            }
        }
    }

    private Process startSite(PostgresServer database, int port) throws Exception {
        return SiteProcess.start(dataDir, List.of("-Xmx160m", "-XX:+UseSerialGC"), List.of("--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=postgres",
                "--archive.admin.password=" + ArchiveInstance.ADMIN_PASSWORD));
    }

    private static void waitForHealth(String base, Process site) throws Exception {
        var client = new SiteVisitor();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(site.isAlive()).as("the site's process runs").isTrue();
            try {
                if (client.get(base + "/actuator/health", "*/*").statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the site did not start");
    }

    private static String query(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
