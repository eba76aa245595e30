package org.kzarchive.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the index needs to know to tell whether it still mirrors the database: for every
 * translation, published or not, the values that change when its passages may have changed.
 */
final class TranslationStates {

    private static final String SELECT = """
            select t.id, t.status, t.version, t.content_hash, t.language, t.title, w.slug
            from translation t join work w on w.id = t.work_id""";

    private static final RowMapper<TranslationState> STATE = (rs, row) -> new TranslationState(
            rs.getLong(1), "PUBLISHED".equals(rs.getString(2)),
            String.join("|", rs.getString(2), Long.toString(rs.getLong(3)), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7)));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    TranslationStates(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = DatabasePassageSource.newReadOnlyTransaction(transactions);
    }

    /**
     * @param published whether the translation's passages belong in the index
     * @param state     status, version, content hash, language, title and work: everything a
     *                  passage takes from the translation, and what changes when its text does
     */
    record TranslationState(long id, boolean published, String state) {
    }

    /** Every translation by id, in id order. */
    Map<Long, TranslationState> all() {
        Map<Long, TranslationState> states = new LinkedHashMap<>();
        readOnly.executeWithoutResult(status ->
                jdbc.query(SELECT + " order by t.id", STATE).forEach(state -> states.put(state.id(), state)));
        return states;
    }

    /** The translation's state, or empty when it no longer exists. */
    Optional<TranslationState> of(long translationId) {
        return readOnly.execute(status -> jdbc.query(SELECT + " where t.id = ?", STATE, translationId))
                .stream().findFirst();
    }
}
