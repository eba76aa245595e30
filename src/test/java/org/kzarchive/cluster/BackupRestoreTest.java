package org.kzarchive.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

/** The README's backup and restore, for an external PostgreSQL: pg_dump, then pg_restore into an empty server. */
class BackupRestoreTest {

    static final String WORK = "kazakistan-dopo-la-rivolta";

    @TempDir
    Path dataDirs;

    @Test
    void aDumpRestoredIntoAnEmptyServerAndDataDirectoryGivesBackEveryEditionRevisionAndSearchHit() throws Exception {
        assumeTrue(PostgresServer.available(), "PostgreSQL 15 binaries are not installed");
        List<Map<String, Object>> editions;
        List<Map<String, Object>> revisions;
        String searchBefore;
        try (var original = PostgresServer.started(); var restored = PostgresServer.started()) {
            try (var site = ArchiveInstance.start(dataDirs.resolve("before"), original.jdbcUrl())) {
                var editor = new SiteVisitor();
                editor.signIn(site.base());
                String italian = site.bean(JdbcTemplate.class).queryForObject(
                        "select r.markdown from translation_revision r join translation t on t.id = r.translation_id"
                                + " where t.language = 'it' order by r.id limit 1", String.class);
                var published = editor.submit(site.base() + "/admin/translations/new", site.base() + "/admin/translations",
                        Map.of("work", WORK, "language", "es", "action", "publish", "markdown", italian
                                .replace("language: it", "language: es").replace("Dopo la nostra", "Palabrarestaurada dopo la nostra")));
                assertThat(published.statusCode()).isEqualTo(302);
                editions = editions(site);
                revisions = revisions(site);
                var hits = new SiteVisitor().page(site.base() + "/search?q=Palabrarestaurada").select(".results .result");
                assertThat(hits).isNotEmpty();
                searchBefore = hits.text();
            }
            Path dump = original.scratch().resolve("archive.dump");
            // the README's commands
            PostgresServer.runTool("pg_dump", "-h", "127.0.0.1", "-p", Integer.toString(original.port()), "-U", "postgres",
                    "-Fc", "-f", dump.toString(), "postgres");
            PostgresServer.runTool("pg_restore", "-h", "127.0.0.1", "-p", Integer.toString(restored.port()), "-U", "postgres",
                    "-d", "postgres", "--no-owner", "--exit-on-error", dump.toString());

            try (var site = ArchiveInstance.start(dataDirs.resolve("empty"), restored.jdbcUrl())) {
                assertThat(editions(site)).isEqualTo(editions);
                assertThat(revisions(site)).isEqualTo(revisions);
                var reader = new SiteVisitor();
                assertThat(reader.page(site.base() + "/search?q=Palabrarestaurada").select(".results .result").text()).isEqualTo(searchBefore);
                for (Map<String, Object> edition : editions) {
                    if ("PUBLISHED".equals(edition.get("status"))) {
                        assertThat(reader.get(site.base() + "/" + edition.get("language") + "/" + WORK).statusCode()).isEqualTo(200);
                    }
                }
            }
        }
    }

    private static List<Map<String, Object>> editions(ArchiveInstance site) {
        return site.bean(JdbcTemplate.class).queryForList(
                "select id, language, status, version, content_hash, published_revision from translation order by id");
    }

    private static List<Map<String, Object>> revisions(ArchiveInstance site) {
        return site.bean(JdbcTemplate.class).queryForList(
                "select translation_id, number, content_hash, author from translation_revision order by id");
    }
}
