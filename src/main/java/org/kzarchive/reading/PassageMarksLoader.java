package org.kzarchive.reading;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the passage marks of a published translation: one query over its published passages and the reference's versions. */
@Component
class PassageMarksLoader {

    private final JdbcTemplate jdbc;

    PassageMarksLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    PassageMarks of(long translationId) {
        Set<String> fallbacks = new HashSet<>();
        Map<String, Instant> changed = new HashMap<>();
        String[] reference = new String[2];
        int[] total = new int[1];
        jdbc.query("""
                select p.key, p.fallback, p.source_hash, c.hash, c.changed_at, w.reference_language, w.slug
                from edition_passage p join translation t on t.id = p.translation_id join work w on w.id = t.work_id
                left join source_current c on c.work_id = t.work_id and c.key = p.key
                where p.translation_id = ? and t.language <> w.reference_language""", rs -> {
            total[0]++;
            reference[0] = rs.getString(6);
            reference[1] = rs.getString(7);
            String key = rs.getString(1);
            if (rs.getBoolean(2)) {
                fallbacks.add(key.startsWith(":") ? key : anchorOf(key));
            } else if (rs.getString(3) != null && rs.getString(4) != null && !rs.getString(3).equals(rs.getString(4))) {
                changed.put(anchorOf(key), rs.getTimestamp(5).toInstant());
            }
        }, translationId);
        return total[0] == 0 ? PassageMarks.NONE : PassageMarks.of(reference[0], reference[1], fallbacks, changed, total[0]);
    }

    /** A note's key is its label; on the page it is note-label. Other keys are their passage's id. */
    private static String anchorOf(String key) {
        return key.matches("t?\\d+") ? org.kzarchive.archive.Addresses.note(key) : key;
    }
}
