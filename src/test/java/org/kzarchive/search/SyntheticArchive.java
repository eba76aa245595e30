package org.kzarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A large archive for the benchmark, written straight into the database with batch inserts: works
 * in four languages whose paragraphs, questions, answers, captions, notes and timeline entries are
 * recombined sentences of the seed text. Each translation has 50 passages, like a long article.
 */
final class SyntheticArchive {

    static final String[] LANGUAGES = {"it", "en", "ru", "de"};
    static final int PASSAGES_PER_TRANSLATION = 50;

    private static final int ANALYSIS_SECTIONS = 4;
    private static final int PARAGRAPHS_PER_SECTION = 6;
    private static final int EXCHANGES = 6;
    private static final int NOTES = 4;
    private static final int EVENTS = 6;
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final Random random = new Random(2022);
    private final List<String> sentences;

    SyntheticArchive(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.sentences = seedSentences(jdbc);
    }

    /** Sentences of the seed's paragraphs, quotations and answers. */
    private static List<String> seedSentences(JdbcTemplate jdbc) {
        List<String> sentences = new ArrayList<>();
        for (String text : jdbc.queryForList(
                "select plain_text from block where kind in ('PARAGRAPH', 'QUOTATION', 'ANSWER') order by id", String.class)) {
            for (String sentence : text.split("(?<=[.!?…])\\s+")) {
                if (sentence.length() >= 20) {
                    sentences.add(sentence.strip());
                }
            }
        }
        if (sentences.size() < 50) {
            throw new IllegalStateException("The seed text has too few sentences to build an archive from");
        }
        return sentences;
    }

    /** Writes {@code works} works with a translation in each of the four languages; call inside a transaction. */
    int write(int works) {
        int translations = works * LANGUAGES.length;
        int sectionsPer = ANALYSIS_SECTIONS + 1;
        long[] workIds = reserve("work_id_seq", works);
        long[] translationIds = reserve("translation_id_seq", translations);
        long[] sectionIds = reserve("section_id_seq", translations * sectionsPer);

        List<Object[]> workRows = new ArrayList<>();
        List<Object[]> translationRows = new ArrayList<>();
        List<Object[]> sectionRows = new ArrayList<>();
        List<Object[]> blockRows = new ArrayList<>();
        List<Object[]> noteRows = new ArrayList<>();
        List<Object[]> eventRows = new ArrayList<>();
        for (int w = 0; w < works; w++) {
            workRows.add(new Object[] {workIds[w], "archivio-sintetico-%04d".formatted(w + 1)});
            for (int l = 0; l < LANGUAGES.length; l++) {
                int t = w * LANGUAGES.length + l;
                long translation = translationIds[t];
                translationRows.add(new Object[] {translation, workIds[w], LANGUAGES[l],
                        "Testo sintetico " + (w + 1) + ": " + words(6), "synthetic-" + (t + 1)});
                for (int s = 0; s < sectionsPer; s++) {
                    long section = sectionIds[t * sectionsPer + s];
                    boolean interview = s == ANALYSIS_SECTIONS;
                    String anchor = interview ? "intervista" : "parte-" + (s + 1);
                    sectionRows.add(new Object[] {section, translation, s + 1, anchor,
                            interview ? "Intervista" : words(5)});
                    if (interview) {
                        for (int e = 0; e < EXCHANGES; e++) {
                            blockRows.add(block(translation, section, 2 * e + 1, anchor, "QUESTION", e + 1, paragraph(1, 2)));
                            blockRows.add(block(translation, section, 2 * e + 2, anchor, "ANSWER", e + 1, paragraph(2, 5)));
                        }
                    } else {
                        for (int b = 0; b < PARAGRAPHS_PER_SECTION; b++) {
                            String kind = random.nextInt(5) == 0 ? "QUOTATION" : "PARAGRAPH";
                            blockRows.add(block(translation, section, b + 1, anchor, kind, null, paragraph(2, 6)));
                        }
                        blockRows.add(block(translation, section, PARAGRAPHS_PER_SECTION + 1, anchor, "FIGURE", null,
                                "%d gennaio: %s".formatted(1 + random.nextInt(12), words(12))));
                    }
                }
                for (int n = 1; n <= NOTES; n++) {
                    String text = paragraph(1, 2);
                    noteRows.add(new Object[] {translation, n, String.valueOf(n), "<p>" + text + "</p>", text});
                }
                for (int e = 1; e <= EVENTS; e++) {
                    String date = "%d-%02d-%02d".formatted(1986 + random.nextInt(37), 1 + random.nextInt(12), 1 + random.nextInt(28));
                    eventRows.add(new Object[] {translation, e, date, words(8), "parte-1-1"});
                }
            }
        }
        batch("insert into work (id, slug) values (?, ?)", workRows);
        batch("""
                insert into translation (id, work_id, language, title, markdown, content_hash, origin, status)
                values (?, ?, ?, ?, '(synthetic)', ?, 'CONTENT', 'PUBLISHED')""", translationRows);
        batch("insert into section (id, translation_id, position, anchor, title) values (?, ?, ?, ?, ?)", sectionRows);
        batch("""
                insert into block (translation_id, section_id, position, anchor, kind, exchange, html, plain_text)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", blockRows);
        batch("insert into footnote (translation_id, number, label, html, plain_text) values (?, ?, ?, ?, ?)", noteRows);
        batch("""
                insert into timeline_event (translation_id, position, date_start, label, target_anchor)
                values (?, ?, ?, ?, ?)""", eventRows);
        return translations;
    }

    private static Object[] block(long translation, long section, int position, String sectionAnchor, String kind,
                                  Integer exchange, String text) {
        return new Object[] {translation, section, position, sectionAnchor + "-" + position, kind, exchange,
                "<p>" + text + "</p>", text};
    }

    private String paragraph(int minSentences, int maxSentences) {
        int count = minSentences + random.nextInt(maxSentences - minSentences + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(sentences.get(random.nextInt(sentences.size())));
        }
        return text.toString();
    }

    /** The first words of a random sentence, for titles, captions and timeline labels. */
    private String words(int count) {
        String[] words = sentences.get(random.nextInt(sentences.size())).split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(count, words.length)));
    }

    private long[] reserve(String sequence, int count) {
        return jdbc.queryForList("select nextval('" + sequence + "') from generate_series(1, ?)", Long.class, count)
                .stream().mapToLong(Long::longValue).toArray();
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }
}
