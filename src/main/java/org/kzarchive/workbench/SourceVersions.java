package org.kzarchive.workbench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reference edition's passages: every version each one has had (by hash), and which is
 * current. Translations compare the hash they were made from with the current one.
 */
@Repository
class SourceVersions {

    private final JdbcTemplate jdbc;

    SourceVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param changedAt when the current version became current */
    record Current(String key, String hash, int position, Instant changedAt) {
    }

    /** A passage whose current version changed: @param before null for a new passage */
    record Change(String key, String before, String after) {
    }

    /**
     * Records the reference's passages as they are now.
     *
     * @param minor the editor's "minor change, keep translations": translations made from the
     *              previous version are moved to the new one
     * @return the passages whose version changed, appeared or disappeared ({@code after} null)
     */
    List<Change> record(long workId, List<SourceUnit> units, boolean minor, Instant at) {
        Map<String, Current> before = current(workId);
        List<Change> changes = new ArrayList<>();
        List<Object[]> versions = new ArrayList<>();
        int position = 0;
        for (SourceUnit unit : units) {
            position++;
            String hash = unit.hash();
            versions.add(new Object[] {workId, unit.key(), hash, unit.markdown(), Timestamp.from(at)});
            Current old = before.remove(unit.key());
            if (old == null) {
                jdbc.update("insert into source_current (work_id, key, hash, position, changed_at) values (?, ?, ?, ?, ?)",
                        workId, unit.key(), hash, position, Timestamp.from(at));
                changes.add(new Change(unit.key(), null, hash));
            } else if (!old.hash().equals(hash)) {
                jdbc.update("update source_current set hash = ?, position = ?, changed_at = ? where work_id = ? and key = ?",
                        hash, position, Timestamp.from(at), workId, unit.key());
                changes.add(new Change(unit.key(), old.hash(), hash));
                if (minor) {
                    jdbc.update("""
                            update translation_unit u set source_hash = ? from translation t
                            where u.translation_id = t.id and t.work_id = ? and u.key = ? and u.source_hash = ?""",
                            hash, workId, unit.key(), old.hash());
                }
            } else if (old.position() != position) {
                jdbc.update("update source_current set position = ? where work_id = ? and key = ?", position, workId, unit.key());
            }
        }
        jdbc.batchUpdate("""
                insert into source_version (work_id, key, hash, markdown, first_seen) values (?, ?, ?, ?, ?)
                on conflict do nothing""", versions);
        for (Current gone : before.values()) {
            jdbc.update("delete from source_current where work_id = ? and key = ?", workId, gone.key());
            changes.add(new Change(gone.key(), gone.hash(), null));
        }
        return changes;
    }

    Map<String, Current> current(long workId) {
        Map<String, Current> current = new LinkedHashMap<>();
        jdbc.query("select key, hash, position, changed_at from source_current where work_id = ? order by position",
                rs -> {
                    current.put(rs.getString(1), new Current(rs.getString(1), rs.getString(2), rs.getInt(3),
                            rs.getTimestamp(4).toInstant()));
                }, workId);
        return current;
    }

    Optional<String> text(long workId, String key, String hash) {
        return jdbc.queryForList("select markdown from source_version where work_id = ? and key = ? and hash = ?",
                String.class, workId, key, hash).stream().findFirst();
    }

    /** The texts of the given versions of the work's passages, by key and hash. */
    Map<String, String> texts(long workId, Map<String, String> hashByKey) {
        Map<String, String> texts = new HashMap<>();
        if (hashByKey.isEmpty()) {
            return texts;
        }
        jdbc.query("select key, hash, markdown from source_version where work_id = ?", rs -> {
            String wanted = hashByKey.get(rs.getString(1));
            if (rs.getString(2).equals(wanted)) {
                texts.put(rs.getString(1), rs.getString(3));
            }
        }, workId);
        return texts;
    }
}
