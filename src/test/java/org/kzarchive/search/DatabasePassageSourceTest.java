package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The passages the index gets from the real database, imported from content/it. */
@ArchiveIntegrationTest
class DatabasePassageSourceTest {

    @Autowired
    DatabasePassageSource source;

    @Autowired
    JdbcTemplate jdbc;

    private long italianId() {
        return jdbc.queryForObject("select id from translation where language = 'it'", Long.class);
    }

    private List<Passage> italian() {
        List<Passage> all = new ArrayList<>();
        source.forEachPublished(all::add);
        long id = italianId();
        return all.stream().filter(p -> p.translationId() == id).toList();
    }

    @Test
    void everyBlockNoteAndEventOfThePublishedTranslationIsAPassage() {
        long id = italianId();
        int blocks = jdbc.queryForObject("select count(*) from block where translation_id = ? and plain_text <> ''", Integer.class, id);
        int notes = jdbc.queryForObject("select count(*) from footnote where translation_id = ?", Integer.class, id);
        int events = jdbc.queryForObject("select count(*) from timeline_event where translation_id = ?", Integer.class, id);

        List<Passage> passages = italian();

        assertThat(passages).hasSize(blocks + notes + events);
        assertThat(passages.stream().map(Passage::id).collect(Collectors.toSet())).hasSameSizeAs(passages);
        assertThat(source.passagesOf(id)).containsExactlyElementsOf(passages);
    }

    @Test
    void kindsFollowTheBlocks() {
        Map<PassageKind, Long> kinds = italian().stream()
                .collect(Collectors.groupingBy(Passage::kind, Collectors.counting()));
        assertThat(kinds.get(PassageKind.CAPTION)).isEqualTo(16);
        assertThat(kinds.get(PassageKind.FOOTNOTE)).isEqualTo(4);
        assertThat(kinds.keySet()).containsOnly(PassageKind.values());
        assertThat(DatabasePassageSource.kindOf("QUESTION", true)).isEqualTo(PassageKind.INTERVIEW);
        assertThat(DatabasePassageSource.kindOf("QUOTATION", true)).isEqualTo(PassageKind.INTERVIEW);
        assertThat(DatabasePassageSource.kindOf("QUOTATION", false)).isEqualTo(PassageKind.ANALYSIS);
        assertThat(DatabasePassageSource.kindOf("FIGURE", true)).isEqualTo(PassageKind.CAPTION);
    }

    @Test
    void passagesLinkToTheirPlaceAndCarryTitles() {
        List<Passage> passages = italian();
        Passage opening = passages.getFirst();
        assertThat(opening.language()).isEqualTo("it");
        assertThat(opening.workTitle()).isEqualTo("Il Kazakistan dopo la rivolta");
        assertThat(opening.url()).isEqualTo("/it/kazakistan-dopo-la-rivolta#" + opening.anchor());

        Passage prison = passages.stream().filter(p -> p.anchor().equals("inizio-rivolta")).findFirst().orElseThrow();
        assertThat(prison.sectionTitle()).isEqualTo("La prigione delle nazioni");

        Passage note = passages.stream().filter(p -> p.kind() == PassageKind.FOOTNOTE).findFirst().orElseThrow();
        assertThat(note.url()).isEqualTo("/it/kazakistan-dopo-la-rivolta#note-1");
        assertThat(note.text()).startsWith("Dal 17 al 19 dicembre 1986");

        Passage event = passages.stream().filter(p -> p.kind() == PassageKind.TIMELINE).findFirst().orElseThrow();
        assertThat(event.url()).isEqualTo("/it/kazakistan-dopo-la-rivolta/timeline#ev-1986-12-17");
        assertThat(event.text()).as("date as the timeline page shows it, then the label").contains("dicembre 1986 — ");
    }

    @Test
    void draftsAreNotPassages() {
        long id = italianId();
        jdbc.update("update translation set status = 'DRAFT' where id = ?", id);
        try {
            assertThat(source.passagesOf(id)).isEmpty();
            List<Passage> all = new ArrayList<>();
            source.forEachPublished(all::add);
            assertThat(new HashSet<>(all.stream().map(Passage::translationId).toList())).doesNotContain(id);
        } finally {
            jdbc.update("update translation set status = 'PUBLISHED' where id = ?", id);
        }
    }
}
