package org.kzarchive.importing;

/**
 * One mistake in a Markdown translation, told the way a person can act on it.
 *
 * @param file    the file's name (or "the text" for pasted Markdown)
 * @param line    1-based line number
 * @param message what is wrong
 * @param fix     what to do about it
 */
public record ContentProblem(String file, int line, String message, String fix) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message + " " + fix;
    }
}
