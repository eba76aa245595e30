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
            return false;
        }
        Editor editor = found.get(0);
        return editor.administrator() || editor.languages() == null || editor.languages().isBlank()
                || Arrays.asList(editor.languages().strip().split("\\s+")).contains(language);
    }

    /** @param languages language codes separated by spaces or commas; blank for every language */
    public void limit(String username, String languages) {
        String list = languages == null ? "" : String.join(" ", languages.strip().split("[\\s,]+")).strip();
        jdbc.update("update editor set languages = ? where username = ?", list.isEmpty() ? null : list, username);
    }

    private record Editor(boolean administrator, String languages) {
    }
}
