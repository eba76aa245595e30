package org.kzarchive.cluster;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser's worth of HTTP: keeps cookies (the editor's session cookie goes to every instance on
 * localhost, as it would behind one load balancer), reads forms' CSRF tokens, never follows redirects.
 */
final class SiteVisitor {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> get(String url) throws Exception {
        return get(url, "text/html");
    }

    HttpResponse<String> get(String url, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    Document page(String url) throws Exception {
        HttpResponse<String> response = get(url);
        if (response.statusCode() != 200) {
            throw new AssertionError(url + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), url);
    }

    /** Posts a form the way the page at {@code formPage} would, with its CSRF token. */
    HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) throws Exception {
        String token = page(formPage).select("input[name=_csrf]").attr("value");
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token);
        return post(action, all);
    }

    HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in as the first administrator on that instance. */
    void signIn(String base) throws Exception {
        HttpResponse<String> answer = submit(base + "/admin/sign-in", base + "/admin/sign-in",
                Map.of("username", "admin", "password", ArchiveInstance.ADMIN_PASSWORD));
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("sign-in failed: " + answer.statusCode() + " " + answer.headers().map());
        }
    }
}
