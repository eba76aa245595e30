package org.kzarchive.workbench;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.kzarchive.system.Sha256;

/**
 * The hash a translated passage remembers of its source. The text is normalised first, so that a
 * change of spacing, line breaks or punctuation alone (a typo in a comma, straight to curly quotes)
 * leaves every translation current; a change of words outdates them.
 */
final class PassageHash {

    private static final Pattern PUNCTUATION_OR_SPACE = Pattern.compile("[\\p{P}\\p{S}\\s]+");

    private PassageHash() {
    }

    static String of(String markdown) {
        return Sha256.hex(normalise(markdown));
    }

    static String normalise(String markdown) {
        String text = Normalizer.normalize(markdown == null ? "" : markdown, Normalizer.Form.NFC);
        return PUNCTUATION_OR_SPACE.matcher(text).replaceAll(" ").strip();
    }
}
