package org.kzarchive.importing;

import java.text.Normalizer;
import java.util.Locale;

/** Turns headings into ids fit for a URL fragment. */
final class AnchorNames {

    private AnchorNames() {
    }

    static String slugOf(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "sezione" : slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }
}
