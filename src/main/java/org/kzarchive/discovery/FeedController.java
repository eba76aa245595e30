package org.kzarchive.discovery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.kzarchive.archive.Languages;
import org.kzarchive.reading.PageNotFoundException;
import org.kzarchive.system.PublicAddress;
import org.kzarchive.system.XmlText;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Atom feeds (RFC 4287) of new editions and newly published revisions: /feed.atom for the whole
 * archive, /{lang}/feed.atom for one language. Each entry says what changed.
 */
@Controller
class FeedController {

    static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

    private final PublishedRevisions revisions;
    private final PublicAddress address;
    private final MessageSource messages;

    FeedController(PublishedRevisions revisions, PublicAddress address, MessageSource messages) {
        this.revisions = revisions;
        this.address = address;
        this.messages = messages;
    }

    @GetMapping("/feed.atom")
    ResponseEntity<String> everyLanguage() {
        return feed(null, Locale.ITALIAN, "/feed.atom", "/");
    }

    @GetMapping("/{lang:[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*}/feed.atom")
    ResponseEntity<String> oneLanguage(@PathVariable String lang) {
        if (!revisions.hasLanguage(lang)) {
            throw new PageNotFoundException("No published translation in " + lang);
        }
        return feed(lang, Locale.forLanguageTag(lang), "/" + lang + "/feed.atom", "/");
    }

    /** Permanent ids that do not change with the archive's address. */
    static String id(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("kzarchive:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private ResponseEntity<String> feed(String language, Locale locale, String self, String home) {
        List<PublishedRevisions.PublishedRevision> entries = revisions.latest(language);
        Instant updated = entries.stream().map(PublishedRevisions.PublishedRevision::at).max(Instant::compareTo).orElse(Instant.EPOCH);
        String siteName = messages.getMessage("site.name", null, locale);
        String title = language == null ? messages.getMessage("feed.title.all", new Object[] {siteName}, locale)
                : messages.getMessage("feed.title.language", new Object[] {siteName, Languages.nativeName(language)}, locale);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
                .append(XmlText.escape(locale.toLanguageTag())).append("\">\n");
        xml.append("<id>").append(id("feed:" + (language == null ? "*" : language))).append("</id>\n");
        xml.append("<title>").append(XmlText.escape(title)).append("</title>\n");
        xml.append("<updated>").append(time(updated)).append("</updated>\n");
        xml.append("<author><name>").append(XmlText.escape(siteName)).append("</name><uri>")
                .append(XmlText.escape(address.absolute("/"))).append("</uri></author>\n");
        xml.append("<link rel=\"self\" type=\"application/atom+xml\" href=\"").append(XmlText.escape(address.absolute(self))).append("\"/>\n");
        xml.append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(XmlText.escape(address.absolute(home))).append("\"/>\n");
        for (var entry : entries) {
            Locale entryLocale = Locale.forLanguageTag(entry.language());
            String what = entry.number() == 1
                    ? messages.getMessage("feed.entry.new", new Object[] {entry.title(), Languages.nativeName(entry.language())}, entryLocale)
                    : messages.getMessage("feed.entry.revised", new Object[] {entry.title(), Languages.nativeName(entry.language()),
                            entry.number()}, entryLocale);
            xml.append("<entry xml:lang=\"").append(XmlText.escape(entry.language())).append("\">\n");
            xml.append("<id>").append(id("revision:" + entry.language() + "/" + entry.work() + "/" + entry.number())).append("</id>\n");
            xml.append("<title>").append(XmlText.escape(what)).append("</title>\n");
            xml.append("<updated>").append(time(entry.at())).append("</updated>\n");
            xml.append("<link rel=\"alternate\" type=\"text/html\" hreflang=\"").append(XmlText.escape(entry.language()))
                    .append("\" href=\"").append(XmlText.escape(address.absolute(entry.path()))).append("\"/>\n");
            xml.append("<summary>").append(XmlText.escape(messages.getMessage("feed.entry.summary",
                    new Object[] {entry.message() == null || entry.message().isBlank() ? "—" : entry.message()}, entryLocale)))
                    .append("</summary>\n");
            xml.append("</entry>\n");
        }
        xml.append("</feed>\n");
        return ResponseEntity.ok().contentType(ATOM).cacheControl(CacheControl.noCache()).body(xml.toString());
    }
}
