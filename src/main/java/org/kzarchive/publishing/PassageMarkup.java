package org.kzarchive.publishing;

import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.kzarchive.system.PublicAddress;

/**
 * Makes the stored HTML of a passage safe to put in a file that lives outside the site: links
 * within the text point where the file keeps their target, links to the site become absolute,
 * links whose target the file lacks become plain text, and nothing is fetched from elsewhere.
 */
final class PassageMarkup {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final String FETCHING = "img, picture, source, video, audio, iframe, object, embed, svg, math, script, style, link, meta";

    private final PublicAddress address;

    PassageMarkup(PublicAddress address) {
        this.address = address;
    }

    /**
     * @param targetOf where the file holds an anchor of the text ("text.xhtml#x", "#x"), or null when it does not
     * @param noteref  attributes to mark a note reference with, beyond its role
     */
    String adjust(String html, Function<String, String> targetOf, Set<String> noterefAttributes) {
        return Xhtml.fragment(html, body -> {
            body.select(FETCHING).remove();
            for (Element withLanguage : body.select("[lang]")) {
                if (!withLanguage.attr("lang").isEmpty() && !LANGUAGE_TAG.matcher(withLanguage.attr("lang")).matches()) {
                    withLanguage.removeAttr("lang");
                }
            }
            for (Element link : body.select("a[href]")) {
                String href = link.attr("href");
                if (href.startsWith("#")) {
                    String target = targetOf.apply(href.substring(1));
                    if (target == null) {
                        link.removeAttr("href");
                    } else {
                        link.attr("href", target);
                        if ("doc-noteref".equals(link.attr("role"))) {
                            noterefAttributes.forEach(a -> link.attr(a, "noteref"));
                        }
                    }
                } else if (href.startsWith("/") && !href.startsWith("//")) {
                    link.attr("href", address.absolute(href));
                } else if (!href.matches("(?i)(https?|mailto):.*")) {
                    link.removeAttr("href");
                }
            }
            // a link without an address is only its text
            body.select("a:not([href])").forEach(a -> {
                if (a.id().isEmpty()) {
                    a.unwrap();
                }
            });
        });
    }
}
