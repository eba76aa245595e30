import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mixed traffic for .bench/soak (run by it; not a test): readers on every page type, searches,
 * hostile requests (huge query strings, many distinct Host headers), an editor publishing every
 * 30 s; optionally PostgreSQL restarted half-way (by the script, on a signal file). Only 127.0.0.1.
 *
 * java -Djdk.httpclient.allowRestrictedHeaders=host Soak.java PORT SECONDS APP_PID ADMIN_PASSWORD [RESTART_FILE]
 * java Soak.java --publish BASE_URL ADMIN_PASSWORD     (one publication, for .bench/load; exit status 1 when it failed)
 */
public class Soak {

    static final String WORK = "kazakistan-dopo-la-rivolta";
    static final String[] WORDS = {"Almaty", "manifestanti", "Tokaev", "gas", "\"colorata\"", "anarchic*", "polizia OR esercito",
            "Nazarbayev -Tokayev", "libertà", "Kazakistan"};

    record Sample(String type, long micros, boolean ok) {
    }

    static final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    static final List<String> errorExamples = new CopyOnWriteArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--publish")) {
            publish(HttpClient.newHttpClient(), args[1], args[2], (int) (System.currentTimeMillis() / 1000 % 1_000_000));
            errorExamples.forEach(System.err::println);
            System.exit(errors.isEmpty() ? 0 : 1);
        }
        int port = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        long pid = Long.parseLong(args[2]);
        String password = args[3];
        Path restartFile = args.length > 4 ? Path.of(args[4]) : null;
        String base = "http://127.0.0.1:" + port;
        // HTTP/1.1 as browsers speak it to the app (the JDK's default, HTTP/2, adds upgrade headers that no browser sends)
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long started = System.nanoTime();
        Map<String, String> pages = new TreeMap<>(Map.of(
                "home", "/", "full text", "/it/" + WORK, "interview", "/it/" + WORK + "/interview",
                "timeline", "/it/" + WORK + "/timeline", "photos", "/it/" + WORK + "/photos", "notes", "/it/" + WORK + "/notes"));
        var threads = Executors.newVirtualThreadPerTaskExecutor();
        for (int reader = 0; reader < 6; reader++) {
            threads.submit(() -> {
                while (System.nanoTime() < end) {
                    var page = new ArrayList<>(pages.entrySet()).get(ThreadLocalRandom.current().nextInt(pages.size()));
                    get(client, page.getKey(), base + page.getValue(), null);
                }
                return null;
            });
        }
        for (int searcher = 0; searcher < 2; searcher++) {
            threads.submit(() -> {
                while (System.nanoTime() < end) {
                    String q = WORDS[ThreadLocalRandom.current().nextInt(WORDS.length)];
                    get(client, "search", base + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                            + "&page=" + (1 + ThreadLocalRandom.current().nextInt(3)), null);
                }
                return null;
            });
        }
        threads.submit(() -> {
            long n = 0;
            while (System.nanoTime() < end) {
                n++;
                String huge = "Almaty".repeat(1_500) + n; // ~9 KB query string, each one different
                get(client, "hostile: huge query", base + "/search?q=" + huge, null);
                get(client, "hostile: distinct Host", base + "/it/" + WORK, "h" + n + ".example");
                get(client, "hostile: unknown page", base + "/zz/no-such-work-" + n, null, 404);
                Thread.sleep(20);
            }
            return null;
        });
        threads.submit(() -> {
            int round = 0;
            while (System.nanoTime() < end) {
                publish(client, base, password, ++round);
                long next = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < Math.min(next, end)) {
                    Thread.sleep(200);
                }
            }
            return null;
        });
        long rssEarly = -1;
        boolean restarted = false;
        long early = Math.min(120, seconds / 5);
        while (System.nanoTime() < end) {
            Thread.sleep(250);
            long elapsed = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            if (rssEarly < 0 && elapsed >= early) {
                rssEarly = rss(pid);
            }
            if (restartFile != null && !restarted && elapsed >= seconds / 2) {
                Files.writeString(restartFile, "restart"); // the script restarts PostgreSQL
                restarted = true;
            }
        }
        threads.shutdown();
        threads.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        long rssEnd = rss(pid);
        System.out.printf("%-24s %9s %9s %9s %7s%n", "page type", "requests", "p50 ms", "p99 ms", "errors");
        long allErrors = 0;
        for (String type : new TreeMap<>(latencies).keySet()) {
            List<Long> sorted = new ArrayList<>(latencies.get(type));
            Collections.sort(sorted);
            long failed = errors.getOrDefault(type, new AtomicLong()).get();
            allErrors += failed;
            System.out.printf("%-24s %9d %9.2f %9.2f %7d%n", type, sorted.size(), percentile(sorted, 50), percentile(sorted, 99), failed);
        }
        System.out.printf("errors: %d%n", allErrors);
        errorExamples.stream().limit(10).forEach(e -> System.out.println("  e.g. " + e));
        System.out.printf("resident memory: %d MB at %d s, %d MB at the end (%d s)%n", rssEarly / 1024, early, rssEnd / 1024, seconds);
    }

    static void get(HttpClient client, String type, String url, String host) throws Exception {
        get(client, type, url, host, 200);
    }

    static void get(HttpClient client, String type, String url, String host, int expected) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("Accept-Encoding", "gzip");
        if (host != null) {
            request.header("Host", host);
        }
        long t0 = System.nanoTime();
        boolean ok;
        String problem = null;
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            ok = response.statusCode() == expected;
            problem = ok ? null : type + " answered " + response.statusCode();
        } catch (Exception e) {
            ok = false;
            problem = type + ": " + e;
        }
        record(type, t0, ok, problem);
    }

    static void record(String type, long t0, boolean ok, String problem) {
        latencies.computeIfAbsent(type, t -> Collections.synchronizedList(new ArrayList<>())).add((System.nanoTime() - t0) / 1_000);
        if (!ok) {
            errors.computeIfAbsent(type, t -> new AtomicLong()).incrementAndGet();
            if (errorExamples.size() < 50) {
                errorExamples.add(problem);
            }
        }
    }

    /**
     * Signs in (a fresh session each time) and publishes the Italian edition again with a new sentence,
     * then checks that the edition's form now holds it: a publication that changed nothing is an error,
     * not a measurement. (Not its public page: the editor would wait for the new rendering, and readers
     * are to arrive right after the commit.)
     */
    static void publish(HttpClient anonymous, String base, String password, int round) {
        long t0 = System.nanoTime();
        try {
            var client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
            String token = csrf(fetch(client, base + "/admin/sign-in"));
            var signIn = post(client, base + "/admin/sign-in", Map.of("username", "admin", "password", password, "_csrf", token));
            if (signIn.statusCode() != 302 || signIn.headers().firstValue("Location").orElse("").contains("error")) {
                record("editor: publish", t0, false, "sign-in answered " + signIn.statusCode());
                return;
            }
            // the list links each translation's title with its language: the Italian edition's id, whatever the import order
            Matcher id = Pattern.compile("href=\"/admin/translations/(\\d+)\" lang=\"it\"").matcher(fetch(client, base + "/admin"));
            if (!id.find()) {
                record("editor: publish", t0, false, "no Italian edition in the editors' list");
                return;
            }
            String form = fetch(client, base + "/admin/translations/" + id.group(1) + "/edit");
            String markdown = htmlText(form.substring(form.indexOf("<textarea"), form.indexOf("</textarea>")).replaceFirst("^<textarea[^>]*>", ""));
            String sentence = "Revisione del soak " + round + ".";
            // the sentence of the previous round is replaced, so every round changes the text and it does not grow
            String edited = markdown.replaceFirst("(?m)^(?:Revisione del soak \\d+\\. )?(Dopo la nostra copertura)", sentence + " $1");
            if (edited.equals(markdown)) {
                record("editor: publish", t0, false, "the Italian edition has no paragraph to revise");
                return;
            }
            // every field of the form, as a browser sends it
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            Matcher input = Pattern.compile("<input[^>]*>").matcher(form.substring(form.indexOf("translation-form")));
            while (input.find()) {
                Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(input.group());
                Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
                if (name.find() && !input.group().contains("type=\"file\"") && !input.group().contains("type=\"submit\"")) {
                    fields.put(name.group(1), value.find() ? htmlText(value.group(1)) : "");
                }
            }
            fields.put("markdown", edited);
            fields.put("action", "publish");
            var answer = post(client, base + "/admin/translations/" + id.group(1), fields);
            if (answer.statusCode() != 302) {
                record("editor: publish", t0, false, "publish answered " + answer.statusCode());
                return;
            }
            boolean saved = fetch(client, base + "/admin/translations/" + id.group(1) + "/edit").contains(sentence);
            record("editor: publish", t0, saved, "the published sentence is not in the edition");
        } catch (Exception e) {
            record("editor: publish", t0, false, "publish: " + e);
        }
    }

    static String fetch(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static HttpResponse<String> post(HttpClient client, String url, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    static String htmlText(String escaped) {
        return escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    static long rss(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
