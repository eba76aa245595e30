package org.kzarchive.system;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The archive's one public address, {@code archive.public-url} (ARCHIVE_PUBLIC_URL), from which
 * every absolute link is made: canonical and alternate links, the OpenSearch description, and
 * anything else that leaves the site. Never taken from a request, so no Host or X-Forwarded-*
 * header can change a page's links or its place in the page cache. When unset, it is
 * http://localhost:{server.port}, which is right for a development machine only.
 */
@Component("publicAddress")
public class PublicAddress {

    static final String PROPERTY = "archive.public-url";

    private final Environment environment;
    private final String configured;

    public PublicAddress(Environment environment) {
        this.environment = environment;
        String value = environment.getProperty(PROPERTY, "").strip();
        this.configured = value.isEmpty() ? null : checked(value);
    }

    /** Scheme, host, port and path prefix, without a trailing slash, e.g. https://archivio.example.org */
    public String base() {
        if (configured != null) {
            return configured;
        }
        // the port the server listens on (a test's random port is known only once it started)
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    /** The absolute address of a path of this site; {@code path} starts with "/". */
    public String absolute(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A path of the site starts with '/': " + path);
        }
        return base() + path;
    }

    private static String checked(String value) {
        try {
            URI uri = new URI(value);
            boolean web = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
            if (!web || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
                throw new URISyntaxException(value, "not an http(s) address of a site");
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(PROPERTY + " (ARCHIVE_PUBLIC_URL) must be the site's address, such as "
                    + "https://archivio.example.org, not '" + value + "'", e);
        }
        return value.replaceAll("/+$", "");
    }
}
