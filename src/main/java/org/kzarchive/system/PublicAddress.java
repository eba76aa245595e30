package org.kzarchive.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The archive's address on the web ({@code archive.public-url}), the only source of absolute
 * links: canonical and hreflang links, sitemap, feeds, linked data, EPUB and PDF metadata.
 * Request headers (Host, X-Forwarded-*) never change it. Unset, it is http://localhost with the
 * port the server listens on.
 */
@Component("publicAddress")
public class PublicAddress {

    private final boolean configured;
    private volatile String base;

    public PublicAddress(@Value("${archive.public-url:}") String publicUrl, @Value("${server.port:8080}") int port) {
        this.configured = publicUrl != null && !publicUrl.isBlank();
        String url = configured ? publicUrl.strip() : "http://localhost:" + port;
        if (!url.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new IllegalArgumentException("archive.public-url must be an http(s) address such as https://archive.example.org, not '"
                    + publicUrl + "'");
        }
        this.base = url.replaceAll("/+$", "");
    }

    /** Without a configured address, the port the server really listens on (server.port=0 picks one). */
    @EventListener
    void onServerStarted(WebServerInitializedEvent event) {
        if (!configured && event.getWebServer().getPort() > 0) {
            base = "http://localhost:" + event.getWebServer().getPort();
        }
    }

    /** The address without a trailing slash, e.g. https://archive.example.org */
    public String base() {
        return base;
    }

    /** The absolute address of a path that starts with "/". */
    public String absolute(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A path on the site starts with /: " + path);
        }
        return base + path;
    }
}
