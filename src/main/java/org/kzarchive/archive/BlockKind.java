package org.kzarchive.archive;

/** What a block of a translation's text is, which decides how it is shown and searched. */
public enum BlockKind {
    PARAGRAPH, QUOTATION, QUESTION, ANSWER, FIGURE;

    public boolean isInterview() {
        return this == QUESTION || this == ANSWER;
    }
}
