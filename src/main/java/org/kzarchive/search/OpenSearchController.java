package org.kzarchive.search;

import java.time.Duration;

import org.kzarchive.system.InterfaceLanguage;
import org.kzarchive.system.PublicAddress;

import org.springframework.context.MessageSource;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Describes the search page to browsers, so that readers can add the archive as a search engine. */
@Controller
class OpenSearchController {

    static final MediaType OPENSEARCH = MediaType.parseMediaType("application/opensearchdescription+xml;charset=UTF-8");

    private final PublicAddress address;
    private final MessageSource messages;

    OpenSearchController(PublicAddress address, MessageSource messages) {
        this.address = address;
        this.messages = messages;
    }

    @GetMapping("/opensearch.xml")
    ResponseEntity<String> description() {
        // The URL template must be absolute: the archive's configured address, never the request's host.
        String template = xmlEscape(address.absolute(SearchLinks.PATH + "?q=")) + "{searchTerms}";
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
                  <ShortName>%s</ShortName>
                  <Description>%s</Description>
                  <InputEncoding>UTF-8</InputEncoding>
                  <Language>*</Language>
                  <Url type="text/html" method="get" template="%s"/>
                </OpenSearchDescription>
                """.formatted(xmlEscape(message("opensearch.short-name")), xmlEscape(message("opensearch.description")), template);
        return ResponseEntity.ok()
                .contentType(OPENSEARCH)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(xml);
    }

    /** One description for every browser: in the archive's default interface language. */
    private String message(String key) {
        return messages.getMessage(key, null, InterfaceLanguage.DEFAULT);
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
