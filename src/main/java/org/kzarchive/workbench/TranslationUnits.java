package org.kzarchive.workbench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** A translation's passages as the workbench holds them, with the history of every save. */
@Repository
class TranslationUnits {

    private final JdbcTemplate jdbc;

    TranslationUnits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param markdown   empty when not translated (yet)
     * @param sourceHash the version of the source it was translated from
     * @param suggestion a draft offered from an earlier translation, when the source was split or merged
     */
    record Unit(String key, String markdown, String sourceHash, String suggestion, int version, String author, Instant updatedAt) {

        public boolean translated() {
            return !markdown.isBlank();
        }
    }

    record HistoryEntry(String markdown, String author, Instant at) {
    }

    Map<String, Unit> of(long translationId) {
        Map<String, Unit> units = new LinkedHashMap<>();
        jdbc.query("""
                select key, markdown, source_hash, suggestion, version, author, updated_at
                from translation_unit where translation_id = ?""", rs -> {
            units.put(rs.getString(1), new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                    rs.getString(6), rs.getTimestamp(7).toInstant()));
        }, translationId);
        return units;
    }

    boolean any(long translationId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from translation_unit where translation_id = ?)",
                Boolean.class, translationId));
    }

    /** Stores a passage's text (insert or replace) and keeps it in the history. */
    void put(long translationId, String key, String markdown, String sourceHash, String author, Instant at) {
        jdbc.update("""
                insert into translation_unit (translation_id, key, markdown, source_hash, author, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (translation_id, key) do update set markdown = excluded.markdown, source_hash = excluded.source_hash,
                suggestion = null, version = translation_unit.version + 1, author = excluded.author, updated_at = excluded.updated_at""",
                translationId, key, markdown, sourceHash, author, Timestamp.from(at));
        jdbc.update("insert into translation_unit_history (translation_id, key, markdown, source_hash, author, at) values (?, ?, ?, ?, ?, ?)",
                translationId, key, markdown, sourceHash, author, Timestamp.from(at));
    }

    /** Offers a draft for a passage (kept beside any text it has). */
    void suggest(long translationId, String key, String suggestion, Instant at) {
        jdbc.update("""
                insert into translation_unit (translation_id, key, markdown, suggestion, author, updated_at, version)
                values (?, ?, '', ?, 'archive', ?, 0)
                on conflict (translation_id, key) do update set suggestion = excluded.suggestion""",
                translationId, key, suggestion, Timestamp.from(at));
    }

    /** Locks the passage's row (if any) for the rest of the transaction. */
    Unit lock(long translationId, String key) {
        List<Unit> locked = jdbc.query("""
                select key, markdown, source_hash, suggestion, version, author, updated_at
                from translation_unit where translation_id = ? and key = ? for update""",
                (rs, n) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()), translationId, key);
        return locked.isEmpty() ? null : locked.get(0);
    }

    List<HistoryEntry> history(long translationId, String key) {
        return jdbc.query("""
                select markdown, author, at from translation_unit_history where translation_id = ? and key = ?
                order by at desc, id desc limit 20""",
                (rs, n) -> new HistoryEntry(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), translationId, key);
    }

    /**
     * Records what readers now see of a published translation, passage by passage.
     *
     * @return whether that differs from what was recorded (the reader's pages show it)
     */
    boolean recordPublished(long translationId, List<SourceUnit> reference, Map<String, Unit> units, Set<String> fallbacks) {
        List<Object[]> rows = reference.stream().map(u -> {
            Unit unit = units.get(u.key());
            boolean fallback = fallbacks.contains(u.key());
            return new Object[] {translationId, u.key(), fallback || unit == null ? null : unit.sourceHash(), fallback};
        }).toList();
        Set<List<Object>> recorded = new HashSet<>(jdbc.query(
                "select translation_id, key, source_hash, fallback from edition_passage where translation_id = ?",
                (rs, n) -> Arrays.asList(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)), translationId));
        if (recorded.size() == rows.size() && rows.stream().allMatch(row -> recorded.contains(Arrays.asList(row)))) {
            return false;
        }
        jdbc.update("delete from edition_passage where translation_id = ?", translationId);
        jdbc.batchUpdate("insert into edition_passage (translation_id, key, source_hash, fallback) values (?, ?, ?, ?)", rows);
        return true;
    }
}
