package org.kzarchive.importing;

import org.kzarchive.archive.RenderedTranslation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.WorkFacts;
import org.kzarchive.archive.TranslationOrigin;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores a rendered translation, replacing the previous text of the same work and language. The
 * one way translations reach the database, for the content import and for editors alike; the
 * caller owns the transaction.
 */
public class TranslationWriter {

    private final JdbcTemplate jdbc;

    public TranslationWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored state of a translation, when it exists. */
    public record Existing(long id, TranslationOrigin origin, String contentHash, long version) {
    }

    public Optional<Existing> find(String work, String language) {
        return jdbc.query("""
                select t.id, t.origin, t.content_hash, t.version from translation t join work w on w.id = t.work_id
                where w.slug = ? and t.language = ?""",
                (rs, i) -> new Existing(rs.getLong(1), TranslationOrigin.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4)),
                work, language).stream().findFirst();
    }

    /** @return the translation's id */
    public long write(RenderedTranslation translation, String markdown, String contentHash, TranslationOrigin origin,
                      PublicationStatus status) {
        var meta = translation.metadata();
        long workId = jdbc.queryForObject(
                "insert into work (slug) values (?) on conflict (slug) do update set slug = excluded.slug returning id",
                Long.class, meta.work());
        Optional<Existing> existing = find(meta.work(), meta.language());
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            jdbc.update("""
                    update translation set title = ?, subtitle = ?, translator = ?, source = ?, translated_from = ?,
                    markdown = ?, content_hash = ?, origin = ?, status = ?, version = version + 1,
                    updated_at = now() where id = ?""",
                    meta.title(), meta.subtitle(), meta.translator(), meta.source(), meta.translatedFrom(),
                    markdown, contentHash, origin.name(), status.name(), id);
            jdbc.update("delete from section where translation_id = ?", id);
            jdbc.update("delete from footnote where translation_id = ?", id);
            jdbc.update("delete from timeline_event where translation_id = ?", id);
        } else {
            id = jdbc.queryForObject("""
                    insert into translation (work_id, language, title, subtitle, translator, source, translated_from,
                    markdown, content_hash, origin, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    returning id""", Long.class,
                    workId, meta.language(), meta.title(), meta.subtitle(), meta.translator(), meta.source(),
                    meta.translatedFrom(), markdown, contentHash, origin.name(), status.name());
        }
        writeText(id, translation);
        return id;
    }

    /** Writes the facts of a work from its work file, creating the work when it is new. */
    public void writeWork(WorkFacts facts) {
        jdbc.update("""
                insert into work (slug, reference_language, first_language, author, published, original_url)
                values (?, ?, ?, ?, ?, ?)
                on conflict (slug) do update set reference_language = excluded.reference_language,
                first_language = excluded.first_language, author = excluded.author, published = excluded.published,
                original_url = excluded.original_url""",
                facts.slug(), facts.reference(), facts.firstLanguage(), facts.author(), facts.published(), facts.originalUrl());
    }

    /**
     * Keeps a translation's Markdown as its next revision; revisions are never changed or deleted.
     *
     * @return the new revision's number, 1 for the first
     */
    public int recordRevision(long translationId, String markdown, String contentHash, String author, String message,
                              Instant at) {
        return jdbc.queryForObject("""
                insert into translation_revision (translation_id, number, markdown, content_hash, author, message, created_at)
                values (?, (select coalesce(max(number), 0) + 1 from translation_revision where translation_id = ?), ?, ?, ?, ?, ?)
                returning number""", Integer.class,
                translationId, translationId, markdown, contentHash, author, message, Timestamp.from(at));
    }

    /** Records which revision the stored text (sections, blocks, notes, timeline) is. */
    public void markPublished(long translationId, int revision) {
        jdbc.update("update translation set published_revision = ? where id = ?", revision, translationId);
    }

    /** Editors have taken over this translation: the content folder no longer replaces it. */
    public void markEdited(long translationId) {
        jdbc.update("update translation set origin = ? where id = ?", TranslationOrigin.EDITOR.name(), translationId);
    }

    /** Takes the translation away from readers, keeping its text for editors. */
    public void withdraw(long translationId) {
        jdbc.update("update translation set status = ?, origin = ?, version = version + 1, updated_at = now() where id = ?",
                PublicationStatus.DRAFT.name(), TranslationOrigin.EDITOR.name(), translationId);
    }

    private void writeText(long translationId, RenderedTranslation translation) {
        List<RenderedTranslation.Section> sections = translation.sections();
        for (int s = 0; s < sections.size(); s++) {
            var section = sections.get(s);
            long sectionId = jdbc.queryForObject(
                    "insert into section (translation_id, position, anchor, title, title_html) values (?, ?, ?, ?, ?) returning id",
                    Long.class, translationId, s + 1, section.anchor(), section.title(), section.titleHtml());
            List<Object[]> rows = new ArrayList<>();
            for (int b = 0; b < section.blocks().size(); b++) {
                var block = section.blocks().get(b);
                rows.add(new Object[] {translationId, sectionId, b + 1, block.anchor(), String.join(" ", block.keys()),
                        block.kind().name(), block.exchange(), block.html(), block.plainText(), block.figureDate(),
                        block.figureCredit(), block.figureImage(), block.annotates()});
            }
            jdbc.batchUpdate("""
                    insert into block (translation_id, section_id, position, anchor, keys, kind, exchange, html, plain_text,
                    figure_date, figure_credit, figure_image, annotates) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        }
        for (var note : translation.footnotes()) {
            long noteId = jdbc.queryForObject(
                    "insert into footnote (translation_id, number, label, anchor, kind, html, plain_text) values (?, ?, ?, ?, ?, ?, ?) returning id",
                    Long.class, translationId, note.position(), note.label(), note.anchor(), note.kind().name(), note.html(), note.plainText());
            List<Object[]> rows = new ArrayList<>();
            for (int r = 0; r < note.references().size(); r++) {
                var ref = note.references().get(r);
                rows.add(new Object[] {noteId, r + 1, ref.anchor(), ref.blockAnchor()});
            }
            jdbc.batchUpdate("insert into footnote_reference (footnote_id, position, anchor, block_anchor) values (?, ?, ?, ?)", rows);
        }
        List<Object[]> events = new ArrayList<>();
        for (var event : translation.timeline()) {
            events.add(new Object[] {translationId, event.position(), event.key(), event.dateStart(), event.dateEnd(), event.label(),
                    event.target(), event.outsideText()});
        }
        jdbc.batchUpdate("""
                insert into timeline_event (translation_id, position, key, date_start, date_end, label, target_anchor, outside_text)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", events);
    }
}
