package org.kzarchive.discovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The public pages of every published edition, for the sitemap: which parts each edition has, and when it last changed. */
@Component
class PublishedPages {

    /** One published edition and the pages it has beside its full text. */
    record EditionPages(String language, String work, Instant updatedAt, List<String> pages) {

        String path(String page) {
            return "/" + language + "/" + work + page;
        }
    }

    private final JdbcTemplate jdbc;

    PublishedPages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<EditionPages> all() {
        return jdbc.query("""
                select t.language, w.slug, t.updated_at,
                       exists (select 1 from block b where b.translation_id = t.id and b.kind = 'QUESTION') as interview,
                       exists (select 1 from timeline_event e where e.translation_id = t.id) as timeline,
                       exists (select 1 from block b where b.translation_id = t.id and b.kind = 'FIGURE') as photos,
                       exists (select 1 from footnote f where f.translation_id = t.id) as notes
                from translation t join work w on w.id = t.work_id
                where t.status = 'PUBLISHED'
                order by w.slug, t.language""", (rs, row) -> {
            List<String> pages = new ArrayList<>();
            pages.add("");
            for (String page : List.of("interview", "timeline", "photos", "notes")) {
                if (rs.getBoolean(page)) {
                    pages.add("/" + page);
                }
            }
            return new EditionPages(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), List.copyOf(pages));
        });
    }
}
