package org.kzarchive.archive;

/** Whose a footnote is: the author's ({@code [^1]}), kept in every edition, or a translator's ({@code [^t1]}), in one edition only. */
public enum NoteKind {
    AUTHOR,
    TRANSLATOR
}
