package org.kzarchive.workbench;

import org.kzarchive.importing.ParsedTranslation;

/**
 * One passage of the reference edition as the workbench shows it and as a translation's file is
 * written back: its key, kind, the section it belongs to, its text, and the parts that are not
 * translated (a figure's date, credit and image; a timeline event's dates and target).
 *
 * @param key     the reference key ({@code :title}, {@code :subtitle} for the front matter, the label for a note)
 * @param section the key of the section it belongs to (the notes and timeline have their own)
 */
record SourceUnit(String key, UnitKind kind, String section, String markdown, ParsedTranslation.Figure figure,
                  String annotates, ParsedTranslation.TimelineEntry event) {

    static final String TITLE = ":title";
    static final String SUBTITLE = ":subtitle";
    static final String FRONT = ":front";
    static final String NOTES = ":notes";
    static final String TIMELINE = ":timeline";

    String hash() {
        return PassageHash.of(markdown);
    }

    /** The passage's id on the reading page, for links to the current original. */
    String pageAnchor() {
        return switch (kind) {
            case NOTE -> org.kzarchive.archive.Addresses.note(key);
            case TITLE, SUBTITLE -> null;
            default -> key;
        };
    }
}
