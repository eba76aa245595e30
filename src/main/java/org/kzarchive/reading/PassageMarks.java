package org.kzarchive.reading;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.kzarchive.archive.Addresses;
import org.kzarchive.archive.Languages;

/**
 * What a reader is told about the passages of a published translation: those not translated yet
 * (shown in the reference's text and language) and those whose original changed since they were
 * translated (with the date and a link to the current original).
 *
 * @param total every passage of the reference
 */
public record PassageMarks(String referenceLanguage, String work, Set<String> fallbacks, Map<String, Instant> changedSince, int total) {

    public static final PassageMarks NONE = new PassageMarks(null, null, Set.of(), Map.of(), 0);

    public static PassageMarks of(String referenceLanguage, String work, Set<String> fallbacks, Map<String, Instant> changedSince, int total) {
        return new PassageMarks(referenceLanguage, work, new HashSet<>(fallbacks), new HashMap<>(changedSince), total);
    }

    /** The language of the passage when it is shown in the reference's text, else null (the page's language). */
    public String fallbackLanguage(String anchor) {
        return fallbacks.contains(anchor) ? referenceLanguage : null;
    }

    public boolean isFallback(String anchor) {
        return fallbacks.contains(anchor);
    }

    /** When the original of a passage changed after it was translated, or null. */
    public String changedOn(String anchor, Locale locale) {
        Instant at = changedSince.get(anchor);
        return at == null ? null : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(at.atZone(ZoneOffset.UTC));
    }

    public String originalPath(String anchor) {
        return Addresses.edition(referenceLanguage, work) + "#" + anchor;
    }

    public boolean partial() {
        return !fallbacks.isEmpty();
    }

    public int percent() {
        return total == 0 ? 100 : (total - fallbacks.size()) * 100 / total;
    }

    public String referenceName(Locale reader) {
        return referenceLanguage == null ? "" : Languages.nameIn(referenceLanguage, reader);
    }
}
