package org.kzarchive.editing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kzarchive.archive.Addresses;
import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.TranslationOrigin;
import org.kzarchive.archive.Languages;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What editors see of translations: every one, drafts included, with its latest revision. */
@Repository
class EditedTranslations {

    private static final String SELECT = """
            select t.id, w.slug, t.language, t.title, t.status, t.origin, t.published_revision,
                   r.number, r.author, r.created_at
            from translation t join work w on w.id = t.work_id
            left join lateral (select number, author, created_at from translation_revision
                               where translation_id = t.id order by number desc limit 1) r on true
            """;

    private final JdbcTemplate jdbc;

    EditedTranslations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param publishedRevision the revision whose text readers see (while published) or saw last
     * @param headRevision      the latest revision, 0 when there is none
     */
    public record Summary(long id, String work, String language, String title, PublicationStatus status, TranslationOrigin origin,
                   Integer publishedRevision, int headRevision, String headAuthor, Instant headAt) {

        public boolean isPublished() {
            return status == PublicationStatus.PUBLISHED;
        }

        /** the latest revision is not what readers see */
        public boolean hasUnpublishedRevision() {
            return !isPublished() || publishedRevision == null || publishedRevision != headRevision;
        }

        public String languageName() {
            return Languages.nativeName(language);
        }

        public String publicPath() {
            return Addresses.edition(language, work);
        }
    }

    List<Summary> all() {
        return jdbc.query(SELECT + " order by w.slug, t.language", EditedTranslations::summary);
    }

    Optional<Summary> find(long id) {
        return jdbc.query(SELECT + " where t.id = ?", EditedTranslations::summary, id).stream().findFirst();
    }

    /** Locks the translation's row until the transaction ends: one save at a time per translation. */
    Optional<Summary> lock(long id) {
        List<Long> locked = jdbc.queryForList("select id from translation where id = ? for update", Long.class, id);
        return locked.isEmpty() ? Optional.empty() : find(id);
    }

    Optional<Long> idOf(String work, String language) {
        return jdbc.queryForList("select t.id from translation t join work w on w.id = t.work_id where w.slug = ? and t.language = ?",
                Long.class, work, language).stream().findFirst();
    }

    List<String> works() {
        return jdbc.queryForList("select slug from work order by slug", String.class);
    }

    /** The text other translations of the work are compared with: its reference edition (content/works/&lt;work&gt;.yml). */
    Optional<Summary> originalOf(String work) {
        return jdbc.query(SELECT + " where w.slug = ? and t.status = 'PUBLISHED' and t.language = w.reference_language",
                EditedTranslations::summary, work).stream().findFirst();
    }

    private static Summary summary(ResultSet rs, int row) throws SQLException {
        int published = rs.getInt(7);
        Integer publishedRevision = rs.wasNull() ? null : published;
        var headAt = rs.getTimestamp(10);
        return new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                PublicationStatus.valueOf(rs.getString(5)), TranslationOrigin.valueOf(rs.getString(6)), publishedRevision,
                rs.getInt(8), rs.getString(9), headAt == null ? null : headAt.toInstant());
    }
}
