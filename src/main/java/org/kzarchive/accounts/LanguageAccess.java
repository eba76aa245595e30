package org.kzarchive.accounts;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which languages an editor may translate: administrators and editors without a list, every one. */
@Component
public class LanguageAccess {

    private final JdbcTemplate jdbc;

    LanguageAccess(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean mayTranslate(String username, String language) {
        List<Editor> found = jdbc.query("select administrator, languages from editor where username = ?",
                (rs, n) -> new Editor(rs.getBoolean(1), rs.getString(2)), username);
        if (found.isEmpty()) {
            return true; // only signed-in editors reach this, and only a stored list limits them
        }
        Editor editor = found.get(0);
        return editor.administrator() || editor.languages() == null || editor.languages().isBlank()
                || Arrays.asList(editor.languages().strip().split("\\s+")).contains(language);
    }

    /** @param languages language codes separated by spaces or commas; blank for every language */
    public void limit(String username, String languages) {
        String list = languages == null ? "" : String.join(" ", java.util.Arrays.stream(languages.strip().split("[\\s,]+"))
                .filter(code -> code.matches(org.kzarchive.archive.Addresses.LANGUAGE_PATTERN)).limit(50).toList());
        jdbc.update("update editor set languages = ? where username = ?", list.isEmpty() ? null : list, username);
    }

    /** Limits the editor with this id; @return false when there is no such editor */
    public boolean limit(long editorId, String languages, String actor, AuditLog audit) {
        var names = jdbc.queryForList("select username from editor where id = ?", String.class, editorId);
        if (names.isEmpty()) {
            return false;
        }
        limit(names.get(0), languages);
        String now = languagesOf(names.get(0));
        audit.record(actor, AuditAction.EDITOR_LANGUAGES_CHANGED, names.get(0) + ": " + (now.isEmpty() ? "every language" : now));
        return true;
    }

    /** The editor's languages separated by spaces, empty for every language. */
    public String languagesOf(String username) {
        return jdbc.queryForList("select coalesce(languages, '') from editor where username = ?", String.class, username)
                .stream().findFirst().orElse("");
    }

    private record Editor(boolean administrator, String languages) {
    }
}
