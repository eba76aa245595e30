package org.kzarchive.archive;

/** What a block of a translation's text is, which decides how it is shown and searched. */
public enum BlockKind {
    PARAGRAPH, QUOTATION, QUESTION, ANSWER, FIGURE,
    /** a note of the archive's editors about one passage, shown distinct from the author's notes */
    EDITORIAL;

    public boolean isInterview() {
        return this == QUESTION || this == ANSWER;
    }
}
