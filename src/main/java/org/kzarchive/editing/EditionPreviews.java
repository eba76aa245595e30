package org.kzarchive.editing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.kzarchive.archive.Addresses;

import org.kzarchive.archive.Languages;
import org.kzarchive.archive.RenderedTranslation;
import org.kzarchive.reading.Edition;
import org.kzarchive.reading.EditionLoader;

import org.springframework.stereotype.Component;

/**
 * Builds the reader's view model from text that is not published, so that a preview goes
 * through the public templates and looks exactly as the page will.
 */
@Component
public class EditionPreviews {

    private final EditionLoader editions;

    EditionPreviews(EditionLoader editions) {
        this.editions = editions;
    }

    /** The public pages a stored revision can be previewed as, by their template names. */
    static final List<String> PAGES = Addresses.ALL_PAGES;

    /** The banner above a preview, with links to its other pages when the text is stored. */
    public record Banner(String label, List<Link> pages, String back) {
    }

    public record Link(String label, String path, boolean current) {
    }

    public Edition of(RenderedTranslation text) {
        var meta = text.metadata();
        List<Edition.Alternate> alternates = new ArrayList<>(editions.alternates(meta.work(), meta.language()));
        if (alternates.stream().noneMatch(Edition.Alternate::current)) {
            alternates.add(new Edition.Alternate(meta.language(), meta.work(), Languages.nativeName(meta.language()), true));
            alternates.sort(Comparator.comparing(Edition.Alternate::language));
        }
        var facts = editions.factsOf(meta.work());
        return new Edition(null, 0, meta.withWork(facts), text, alternates, facts);
    }

    public static Banner banner(String label, String base, String current, String back) {
        List<Link> links = base == null ? List.of() : PAGES.stream()
                .map(page -> new Link(page, base + (page.equals("text") ? "" : "/" + page), page.equals(current)))
                .toList();
        return new Banner(label, links, back);
    }
}
