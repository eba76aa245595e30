package org.kzarchive.citing;

/**
 * One passage of an edition, cited three ways.
 *
 * @param passage   the passage's text, quoted on the citation page
 * @param paragraph its place among the edition's passages, from 1
 * @param address   its permanent link
 */
public record Citation(String passage, int paragraph, String address, String plainText, String bibtex, String cslJson) {
}
