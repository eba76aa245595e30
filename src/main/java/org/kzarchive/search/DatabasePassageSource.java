package org.kzarchive.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.kzarchive.archive.Addresses;
import org.kzarchive.reading.PartialDates;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The published passages as the database holds them: blocks, footnotes and timeline events of
 * every published translation. Three set-based queries per read, streamed from PostgreSQL in
 * batches (which needs a transaction: PostgreSQL only uses a cursor outside auto-commit). Each read
 * runs in a new transaction of its own, as it is called after another transaction has committed.
 */
public final class DatabasePassageSource implements PassageSource {

    private static final int FETCH_SIZE = 2_000;

    private static final String BLOCKS = """
            select t.id, t.language, w.slug, t.title, s.title, b.anchor, b.kind, b.exchange, b.plain_text
            from block b
            join section s on s.id = b.section_id
            join translation t on t.id = b.translation_id
            join work w on w.id = t.work_id
            where t.status = 'PUBLISHED' %s
            order by t.id, s.position, b.position""";

    private static final String FOOTNOTES = """
            select t.id, t.language, w.slug, t.title, f.anchor, f.plain_text
            from footnote f
            join translation t on t.id = f.translation_id
            join work w on w.id = t.work_id
            where t.status = 'PUBLISHED' %s
            order by t.id, f.number""";

    private static final String EVENTS = """
            select t.id, t.language, w.slug, t.title, e.key, e.date_start, e.date_end, e.label
            from timeline_event e
            join translation t on t.id = e.translation_id
            join work w on w.id = t.work_id
            where t.status = 'PUBLISHED' %s
            order by t.id, e.position""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public DatabasePassageSource(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = newReadOnlyTransaction(transactions);
    }

    /**
     * A read-only transaction that never joins the caller's: after-commit listeners run while the
     * committed transaction's resources are still bound to the thread.
     */
    static TransactionTemplate newReadOnlyTransaction(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        template.setReadOnly(true);
        return template;
    }

    @Override
    public void forEachPublished(Consumer<Passage> sink) {
        read("", new Object[0], sink);
    }

    @Override
    public List<Passage> passagesOf(long translationId) {
        List<Passage> passages = new ArrayList<>();
        read("and t.id = ?", new Object[] {translationId}, passages::add);
        return passages;
    }

    private void read(String condition, Object[] arguments, Consumer<Passage> sink) {
        readOnly.executeWithoutResult(status -> {
            jdbc.query(BLOCKS.formatted(condition), (RowCallbackHandler) rs -> emit(block(rs), sink), arguments);
            jdbc.query(FOOTNOTES.formatted(condition), (RowCallbackHandler) rs -> emit(footnote(rs), sink), arguments);
            jdbc.query(EVENTS.formatted(condition), (RowCallbackHandler) rs -> emit(event(rs), sink), arguments);
        });
    }

    private static void emit(Passage passage, Consumer<Passage> sink) {
        if (!passage.text().isBlank()) { // e.g. a photo without caption: nothing to find
            sink.accept(passage);
        }
    }

    private static Passage block(ResultSet rs) throws SQLException {
        TranslationRow t = TranslationRow.of(rs);
        String anchor = rs.getString(6);
        String kind = rs.getString(7);
        rs.getInt(8);
        boolean inExchange = !rs.wasNull();
        return new Passage("t" + t.id + ":" + anchor, t.language, t.work, t.title, t.id,
                kindOf(kind, inExchange), rs.getString(5), anchor, t.path() + "#" + anchor, rs.getString(9));
    }

    /** Photos are captions wherever they stand; the interview's questions and answers are the interview. */
    static PassageKind kindOf(String blockKind, boolean inExchange) {
        return switch (blockKind) {
            case "FIGURE" -> PassageKind.CAPTION;
            case "QUESTION", "ANSWER" -> PassageKind.INTERVIEW;
            default -> inExchange ? PassageKind.INTERVIEW : PassageKind.ANALYSIS;
        };
    }

    private static Passage footnote(ResultSet rs) throws SQLException {
        TranslationRow t = TranslationRow.of(rs);
        String anchor = rs.getString(5);
        return new Passage("t" + t.id + ":" + anchor, t.language, t.work, t.title, t.id, PassageKind.FOOTNOTE,
                null, anchor, t.path() + "#" + anchor, rs.getString(6));
    }

    private static Passage event(ResultSet rs) throws SQLException {
        TranslationRow t = TranslationRow.of(rs);
        String anchor = rs.getString(5);
        // The date as the timeline page shows it, so that "gennaio 2022" finds the events of that month.
        String date = PartialDates.format(rs.getString(6), rs.getString(7), Locale.forLanguageTag(t.language));
        // Timeline events live on their own page: their ids get a prefix so they never meet a block's.
        return new Passage("t" + t.id + ":timeline:" + anchor, t.language, t.work, t.title, t.id, PassageKind.TIMELINE,
                null, anchor, Addresses.passage(t.language, t.work, "timeline", anchor), date + " — " + rs.getString(8));
    }

    /** The first four columns of every query. */
    private record TranslationRow(long id, String language, String work, String title) {

        static TranslationRow of(ResultSet rs) throws SQLException {
            return new TranslationRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
        }

        String path() {
            return Addresses.edition(language, work);
        }
    }
}
