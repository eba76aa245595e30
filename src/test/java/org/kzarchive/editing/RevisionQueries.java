package org.kzarchive.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The revisions repository's query methods against what the database holds, for tests outside this
 * package (the repository is the editing package's own).
 */
public final class RevisionQueries {

    private RevisionQueries() {
    }

    /** Every query method of the revisions repository answers what the database holds for one edition. */
    public static void answerWhatTheDatabaseHolds(ApplicationContext context, JdbcTemplate jdbc, long translationId) {
        var revisions = context.getBean(TranslationRevisionRepository.class);
        List<Integer> numbers = jdbc.queryForList("select number from translation_revision where translation_id = ? order by number desc",
                Integer.class, translationId);
        assertThat(numbers).isNotEmpty();
        assertThat(revisions.findByTranslationIdOrderByNumberDesc(translationId)).extracting(TranslationRevision::getNumber)
                .isEqualTo(numbers);
        assertThat(revisions.findFirstByTranslationIdOrderByNumberDesc(translationId))
                .hasValueSatisfying(latest -> assertThat(latest.getNumber()).isEqualTo(numbers.getFirst()));
        assertThat(revisions.findByTranslationIdAndNumber(translationId, numbers.getLast()))
                .hasValueSatisfying(first -> assertThat(first.getNumber()).isEqualTo(numbers.getLast()));
        assertThat(revisions.findByTranslationIdAndNumber(translationId, -1)).isEmpty();
    }
}
