package org.kzarchive.workbench;

import java.util.List;
import java.util.Optional;

import org.kzarchive.archive.PublicationStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the workbench needs to know of a translation: its work, language, text and the work's reference edition. */
@Repository
class Editions {

    private final JdbcTemplate jdbc;

    Editions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param markdown     the text of the translation's row: the published text, or a draft's latest
     * @param headMarkdown the latest revision's text
     */
    record Edition(long id, long workId, String work, String language, String referenceLanguage, String title,
                   PublicationStatus status, String markdown, String headMarkdown, int headRevision) {

        boolean isReference() {
            return language.equals(referenceLanguage);
        }

        boolean isPublished() {
            return status == PublicationStatus.PUBLISHED;
        }
    }

    private static final String SELECT = """
            select t.id, w.id, w.slug, t.language, w.reference_language, t.title, t.status, t.markdown,
                   coalesce(r.markdown, t.markdown), coalesce(r.number, 0)
            from translation t join work w on w.id = t.work_id
            left join lateral (select number, markdown from translation_revision where translation_id = t.id
                               order by number desc limit 1) r on true
            """;

    Optional<Edition> find(long id) {
        return jdbc.query(SELECT + " where t.id = ?", (rs, n) -> edition(rs), id).stream().findFirst();
    }

    /** The work's reference edition, published or not. */
    Optional<Edition> referenceOf(long workId) {
        return jdbc.query(SELECT + " where w.id = ? and t.language = w.reference_language", (rs, n) -> edition(rs), workId)
                .stream().findFirst();
    }

    List<Edition> all() {
        return jdbc.query(SELECT + " order by w.id, t.language = w.reference_language desc, t.language", (rs, n) -> edition(rs));
    }

    List<Edition> ofWork(long workId) {
        return jdbc.query(SELECT + " where w.id = ?", (rs, n) -> edition(rs), workId);
    }

    private static Edition edition(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Edition(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                PublicationStatus.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getInt(10));
    }
}
