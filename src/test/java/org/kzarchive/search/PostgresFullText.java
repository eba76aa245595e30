package org.kzarchive.search;

import org.kzarchive.archive.Languages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's alternative to Lucene: PostgreSQL full-text search over the same passages, each
 * analysed with the text search configuration of its language (italian, english, russian, and
 * simple for the others, as the index does), a GIN expression index, websearch_to_tsquery for what
 * the reader typed, ts_rank for the order and ts_headline for the excerpt of the ten hits shown.
 */
final class PostgresFullText {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private String sql;
    private int configurations;

    PostgresFullText(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
    }

    static String configurationOf(String language) {
        return switch (Languages.primary(language)) {
            case "it" -> "italian";
            case "en" -> "english";
            case "ru" -> "russian";
            default -> "simple";
        };
    }

    /** Copies the passages into a table of their own and indexes them; returns the seconds the GIN index took. */
    double load(PassageSource passages) {
        jdbc.execute("drop table if exists fts_passage");
        jdbc.execute("""
                create table fts_passage (
                    id       bigserial primary key,
                    language varchar(35) not null,
                    config   regconfig   not null,
                    kind     varchar(16) not null,
                    url      text        not null,
                    text     text        not null)""");
        List<Object[]> rows = new ArrayList<>();
        passages.forEachPublished(p -> rows.add(new Object[] {p.language(), configurationOf(p.language()),
                p.kind().parameter(), p.url(), p.text()}));
        for (int from = 0; from < rows.size(); from += 5_000) {
            jdbc.batchUpdate("insert into fts_passage (language, config, kind, url, text) values (?, ?::regconfig, ?, ?, ?)",
                    rows.subList(from, Math.min(rows.size(), from + 5_000)));
        }
        long started = System.nanoTime();
        jdbc.execute("create index fts_passage_text on fts_passage using gin (to_tsvector(config, text))");
        double seconds = (System.nanoTime() - started) / 1e9;
        jdbc.execute("analyze fts_passage");

        // One branch per configuration: the query is parsed with each language's rules, like the
        // index does per field, and each branch can use the GIN index.
        List<String> present = jdbc.queryForList("select distinct config::text from fts_passage order by 1", String.class);
        StringJoiner branches = new StringJoiner("\n union all\n");
        for (String config : present) {
            branches.add("""
                    select id, ts_rank(to_tsvector(config, text), websearch_to_tsquery('%1$s', ?)) as rank
                    from fts_passage
                    where config = '%1$s'::regconfig and to_tsvector(config, text) @@ websearch_to_tsquery('%1$s', ?)"""
                    .formatted(config));
        }
        configurations = present.size();
        sql = """
                select p.url, p.kind, p.language,
                       ts_headline(p.config, p.text, websearch_to_tsquery(p.config, ?),
                                   'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=25, MinWords=10') as excerpt
                from (%s
                      order by rank desc limit 10) top
                join fts_passage p on p.id = top.id
                order by top.rank desc""".formatted(branches);
        return seconds;
    }

    int passages() {
        return jdbc.queryForObject("select count(*) from fts_passage", Integer.class);
    }

    /** A connection of its own per benchmark thread, as an application's connection pool would give. */
    Session open() throws SQLException {
        return new Session(dataSource.getConnection());
    }

    final class Session implements AutoCloseable {

        private final Connection connection;

        private Session(Connection connection) {
            this.connection = connection;
        }

        /** Runs one search; returns the number of hits shown and a checksum of their excerpts. */
        long search(String q) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int parameter = 1;
                statement.setString(parameter++, q);
                for (int i = 0; i < configurations; i++) {
                    statement.setString(parameter++, q);
                    statement.setString(parameter++, q);
                }
                long checksum = 0;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        checksum += 1_000_000L + rs.getString(4).length();
                    }
                }
                return checksum;
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
