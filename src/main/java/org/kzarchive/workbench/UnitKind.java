package org.kzarchive.workbench;

/** What a passage of the workbench is: each kind is written back to Markdown in its own way. */
enum UnitKind {
    TITLE, SUBTITLE, HEADING, PARAGRAPH, QUOTATION, QUESTION, ANSWER, FIGURE, EDITORIAL, NOTE, TIMELINE;

    /** Single-line kinds get a one-line field. */
    public boolean isShort() {
        return this == TITLE || this == SUBTITLE || this == HEADING || this == TIMELINE;
    }
}
