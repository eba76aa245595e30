package org.kzarchive.cluster;

import org.springframework.jdbc.core.JdbcTemplate;

/** The seed's Italian text as an editor finds it in the form: the start of a new translation in tests. */
final class SeedText {

    private SeedText() {
    }

    static String italian(ArchiveInstance site) {
        return site.bean(JdbcTemplate.class).queryForObject("""
                select r.markdown from translation_revision r join translation t on t.id = r.translation_id
                where t.language = 'it' order by r.number desc limit 1""", String.class);
    }
}
