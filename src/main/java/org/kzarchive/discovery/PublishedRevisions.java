package org.kzarchive.discovery;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The revisions that made each published edition what it is now, newest first: the entries of the feeds. */
@Component
class PublishedRevisions {

    static final int FEED_SIZE = 50;

    /** @param message what the editor said changed */
    record PublishedRevision(String language, String work, String title, int number, String message, Instant at) {

        String path() {
            return "/" + language + "/" + work;
        }
    }

    private final JdbcTemplate jdbc;

    PublishedRevisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param language null for every language */
    List<PublishedRevision> latest(String language) {
        return jdbc.query("""
                select t.language, w.slug, t.title, r.number, r.message, r.created_at
                from translation t join work w on w.id = t.work_id
                     join translation_revision r on r.translation_id = t.id and r.number <= t.published_revision
                where t.status = 'PUBLISHED' and (cast(? as varchar) is null or t.language = ?)
                order by r.created_at desc, r.id desc
                limit ?""", (rs, row) -> new PublishedRevision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getTimestamp(6).toInstant()), language, language, FEED_SIZE);
    }

    boolean hasLanguage(String language) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from translation where status = 'PUBLISHED' and language = ?)", Boolean.class, language));
    }
}
