package org.kzarchive.reading;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Asks the running server for a page the way a browser does, and parses the HTML. */
public final class PageFetcher {

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public PageFetcher(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> response(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public Document page(String path) throws Exception {
        HttpResponse<String> response = response(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), base + path);
    }

    public String base() {
        return base;
    }
}
