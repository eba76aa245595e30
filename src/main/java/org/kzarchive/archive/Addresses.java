package org.kzarchive.archive;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one owner of the archive's public address scheme: an edition at {@code /{lang}/{work}}, its
 * pages below it ({@code /interview}, {@code /timeline}, …), parallel reading at
 * {@code /{lang}/{work}/parallel/{other}} (the interview: {@code /{lang}/{work}/interview/parallel/{other}}),
 * a passage at {@code #key} (a timeline event on the timeline page at its key), an author's note at
 * {@code #note-1}, a translator's note at {@code #note-t1}.
 */
public final class Addresses {

    /** Route pattern of a language segment, for request mappings. */
    public static final String LANGUAGE_PATTERN = "[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*";
    private static final Pattern LANGUAGE = Pattern.compile(LANGUAGE_PATTERN);
    /** Route pattern of a work's slug. */
    public static final String WORK_PATTERN = "[a-z0-9]+(?:-[a-z0-9]+)*";

    /** The pages of an edition, by name: the full text ("text") and the pages below it. */
    public static final List<String> ALL_PAGES = List.of("text", "interview", "timeline", "photos", "notes");
    public static final String TEXT = "text";
    public static final String PARALLEL = "parallel";

    /** Every reader page: an edition, one of its pages, or either read in parallel with another language. */
    public static final Pattern READER_PAGE_PATH = Pattern.compile("/" + LANGUAGE_PATTERN + "/" + WORK_PATTERN
            + "(?:/(?:" + String.join("|", ALL_PAGES.subList(1, ALL_PAGES.size())) + "))?"
            + "(?:/" + PARALLEL + "/" + LANGUAGE_PATTERN + ")?");

    private Addresses() {
    }

    /**
     * Whether {@code segment} is a language segment ({@link #LANGUAGE_PATTERN}). A first part not two
     * or three characters long ("search", "sitemap.xml") is refused before the pattern, which per
     * request costs more than the test.
     */
    public static boolean isLanguage(String segment) {
        int dash = segment.indexOf('-');
        int primary = dash < 0 ? segment.length() : dash;
        return primary >= 2 && primary <= 3 && LANGUAGE.matcher(segment).matches();
    }

    /** The full text: /it/kazakistan-dopo-la-rivolta */
    public static String edition(String language, String work) {
        return "/" + language + "/" + work;
    }

    /** A page of the edition by its name ("text" is the full text itself). */
    public static String page(String language, String work, String page) {
        return page == null || page.equals(TEXT) ? edition(language, work) : edition(language, work) + "/" + page;
    }

    /** A passage of the full text: /it/kazakistan-dopo-la-rivolta#inizio-rivolta */
    public static String passage(String language, String work, String anchor) {
        return edition(language, work) + "#" + anchor;
    }

    /** A passage on one of the edition's pages. */
    public static String passage(String language, String work, String page, String anchor) {
        return page(language, work, page) + "#" + anchor;
    }

    /** Two editions side by side: the full text, or the interview when {@code page} is "interview". */
    public static String parallel(String language, String work, String other, String page) {
        return page(language, work, page) + "/" + PARALLEL + "/" + other;
    }

    /** The id of a note on the page: the author's note [^1] is note-1; the translator's [^t1] is note-t1. */
    public static String note(String label) {
        return "note-" + label;
    }

    /** The id of a reference mark that cites a note; the second citation of the same note gets "-2". */
    public static String noteReference(String label, int occurrence) {
        return occurrence <= 1 ? "ref-" + label : "ref-" + label + "-" + occurrence;
    }
}
