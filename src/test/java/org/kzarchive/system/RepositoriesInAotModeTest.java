package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzarchive.accounts.AuditEventRepository;
import org.kzarchive.accounts.Editor;
import org.kzarchive.accounts.EditorRepository;
import org.kzarchive.archive.Block;
import org.kzarchive.archive.BlockRepository;
import org.kzarchive.archive.Footnote;
import org.kzarchive.archive.FootnoteRepository;
import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.Section;
import org.kzarchive.archive.SectionRepository;
import org.kzarchive.archive.TimelineEvent;
import org.kzarchive.archive.TimelineEventRepository;
import org.kzarchive.archive.Translation;
import org.kzarchive.archive.TranslationRepository;
import org.kzarchive.archive.WorkRepository;
import org.kzarchive.editing.RevisionQueries;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production command starts in Spring's AOT mode, where the repositories' query methods are code
 * the build generated ({@code *Impl__AotRepository}) instead of queries derived at start-up. Every
 * query method answers in that mode what it answers outside it: what the database holds, in order.
 */
class RepositoriesInAotModeTest {

    private static final String WORK = "kazakistan-dopo-la-rivolta";

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "AOT mode: {0}")
    @ValueSource(booleans = {false, true})
    void everyQueryMethodAnswersWhatTheDatabaseHolds(boolean aotMode) {
        try (var context = start(aotMode)) {
            assertThat(!context.containsBean(AnnotationConfigUtils.CONFIGURATION_ANNOTATION_PROCESSOR_BEAN_NAME))
                    .as("started from the build's bean definitions").isEqualTo(aotMode);
            var jdbc = context.getBean(JdbcTemplate.class);
            var repositories = context.getBeansOfType(RepositoryFactoryBeanSupport.class).values();
            assertThat(repositories).hasSize(9).allSatisfy(repository -> assertThat(generatedImplementations(repository))
                    .as(repository.getObjectType() + ": the build's code for its query methods").hasSize(aotMode ? 1 : 0));
            long italian = theReadersQueriesAnswer(context, jdbc);
            theEditorsQueriesAnswer(context, jdbc);
            RevisionQueries.answerWhatTheDatabaseHolds(context, jdbc, italian);
        }
    }

    /** Returns the Italian edition's id. */
    private static long theReadersQueriesAnswer(ConfigurableApplicationContext context, JdbcTemplate jdbc) {
        var translations = context.getBean(TranslationRepository.class);
        assertThat(context.getBean(WorkRepository.class).findBySlug(WORK)).hasValueSatisfying(w -> assertThat(w.getSlug()).isEqualTo(WORK));
        assertThat(context.getBean(WorkRepository.class).findBySlug("no-such-work")).isEmpty();
        Translation italian = translations.findByWorkAndLanguage(WORK, "it", PublicationStatus.PUBLISHED).orElseThrow();
        assertThat(translations.findByWorkAndLanguage(WORK, "it", PublicationStatus.DRAFT)).isEmpty();
        assertThat(translations.findById(italian.getId())).hasValueSatisfying(t -> assertThat(t.getLanguage()).isEqualTo("it"));
        List<String> published = jdbc.queryForList("""
                select t.language from translation t join work w on w.id = t.work_id where t.status = 'PUBLISHED'
                order by w.slug, t.language""", String.class);
        assertThat(published).hasSizeGreaterThan(1);
        assertThat(translations.findAllByStatus(PublicationStatus.PUBLISHED)).extracting(Translation::getLanguage).isEqualTo(published);
        assertThat(translations.findByWork(WORK, PublicationStatus.PUBLISHED)).extracting(Translation::getLanguage).isEqualTo(published);

        long id = italian.getId();
        List<Block> blocks = context.getBean(BlockRepository.class).findInReadingOrder(id);
        assertThat(blocks).extracting(Block::getId).isEqualTo(jdbc.queryForList("""
                select b.id from block b join section s on s.id = b.section_id where b.translation_id = ?
                order by s.position, b.position""", Long.class, id));
        assertThat(context.getBean(SectionRepository.class).findByTranslationIdOrderByPosition(id)).extracting(Section::getId)
                .isEqualTo(ids(jdbc, "select id from section where translation_id = ? order by position", id));
        List<Footnote> notes = context.getBean(FootnoteRepository.class).findWithReferences(id);
        assertThat(notes).extracting(Footnote::getId).isEqualTo(ids(jdbc, "select id from footnote where translation_id = ? order by number", id));
        assertThat(notes.stream().mapToInt(note -> note.getReferences().size()).sum()).isEqualTo(jdbc.queryForObject("""
                select count(*) from footnote_reference r join footnote f on f.id = r.footnote_id where f.translation_id = ?""",
                Integer.class, id)).isPositive();
        assertThat(context.getBean(TimelineEventRepository.class).findByTranslationIdOrderByPosition(id)).extracting(TimelineEvent::getId)
                .isEqualTo(ids(jdbc, "select id from timeline_event where translation_id = ? order by position", id)).isNotEmpty();
        return id;
    }

    private static void theEditorsQueriesAnswer(ConfigurableApplicationContext context, JdbcTemplate jdbc) {
        var editors = context.getBean(EditorRepository.class);
        assertThat(editors.findByUsername("admin")).hasValueSatisfying(e -> assertThat(e.isAdministrator()).isTrue());
        assertThat(editors.findByUsername("nobody")).isEmpty();
        assertThat(editors.findAllByOrderByUsername()).extracting(Editor::getUsername)
                .isEqualTo(jdbc.queryForList("select username from editor order by username", String.class));
        assertThat(editors.count()).isEqualTo(jdbc.queryForObject("select count(*) from editor", Long.class));
        assertThat(editors.countByAdministratorTrueAndEnabledTrue()).isEqualTo(1);
        assertThat(context.getBean(AuditEventRepository.class).findByOrderByIdDesc(Limit.of(2)))
                .hasSize((int) Math.min(2, jdbc.queryForObject("select count(*) from audit_event", Long.class)));
    }

    private static List<String> generatedImplementations(RepositoryFactoryBeanSupport<?, ?, ?> repository) {
        return repository.getRepositoryInformation().getFragments().stream().flatMap(fragment -> fragment.getImplementationClass().stream())
                .map(Class::getSimpleName).filter(name -> name.endsWith("Impl__AotRepository")).toList();
    }

    private static List<Long> ids(JdbcTemplate jdbc, String sql, long translationId) {
        return jdbc.queryForList(sql, Long.class, translationId);
    }

    /** Started as the production command starts it, in AOT mode or not, with its own embedded database. */
    private ConfigurableApplicationContext start(boolean aotMode) {
        String password = "--archive.admin.password=repositories-test-password";
        return aotMode ? StartedAsMain.startInAotMode(dataDir, password) : StartedAsMain.start(dataDir, new Class<?>[0], password);
    }
}
