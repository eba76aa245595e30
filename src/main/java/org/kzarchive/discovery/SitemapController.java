package org.kzarchive.discovery;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.kzarchive.system.PublicAddress;
import org.kzarchive.system.XmlText;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** /sitemap.xml and /robots.txt: every public page for search engines, each with its other languages. */
@Controller
class SitemapController {

    private final PublishedPages pages;
    private final PublicAddress address;

    SitemapController(PublishedPages pages, PublicAddress address) {
        this.pages = pages;
        this.address = address;
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap() {
        List<PublishedPages.EditionPages> editions = pages.all();
        Map<String, List<PublishedPages.EditionPages>> byWork = editions.stream()
                .collect(Collectors.groupingBy(PublishedPages.EditionPages::work));
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
                """);
        xml.append("<url><loc>").append(XmlText.escape(address.absolute("/"))).append("</loc></url>\n");
        for (var edition : editions) {
            for (String page : edition.pages()) {
                xml.append("<url><loc>").append(XmlText.escape(address.absolute(edition.path(page)))).append("</loc><lastmod>")
                        .append(edition.updatedAt().atOffset(ZoneOffset.UTC).toLocalDate()).append("</lastmod>\n");
                List<PublishedPages.EditionPages> alternates = byWork.get(edition.work()).stream()
                        .filter(other -> other.pages().contains(page)).toList();
                if (alternates.size() > 1) {
                    for (var other : alternates) {
                        xml.append("  <xhtml:link rel=\"alternate\" hreflang=\"").append(XmlText.escape(other.language()))
                                .append("\" href=\"").append(XmlText.escape(address.absolute(other.path(page)))).append("\"/>\n");
                    }
                }
                xml.append("</url>\n");
            }
        }
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(xml.toString());
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        String robots = """
                User-agent: *
                Disallow: /admin
                Disallow: /search
                Allow: /

                Sitemap: %s
                """.formatted(address.absolute("/sitemap.xml"));
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic()).body(robots);
    }
}
