package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.catalina.Context;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * The memory attacks of issue 10, over HTTP: the sign-ins at ten times the count that exhausted a
 * 160 MB heap, the others at 1/5 to 5 times it, to keep the test under a minute on two cores (each
 * would have kept tens of MB before): afterwards the heap, after a full collection, is within a few
 * MB of where it was, and throughout the health check and a reader's page keep answering.
 */
@ArchiveIntegrationTest
class AnonymousMemoryAttacksTest {

    /** "within a few MB" */
    private static final long ALLOWED_GROWTH = 8L * 1024 * 1024;
    private static final String TEXT = "/it/kazakistan-dopo-la-rivolta";

    @Autowired
    PageCache cache;

    @Autowired
    PageRefresher refresher;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void noPageIsRenderedInTheBackground() throws Exception {
        // pages rendered again after an earlier test's change would count as growth
        refresher.idle().get(60, TimeUnit.SECONDS);
    }

    /** Asks for the health check and a reader's page while an attack runs, and keeps what went wrong. */
    private final class Reader implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final AtomicLong slowest = new AtomicLong();
        private final AtomicLong answers = new AtomicLong();
        private final Thread thread = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                for (String path : new String[] {"/actuator/health", TEXT}) {
                    long start = System.nanoTime();
                    try {
                        var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            failures.add(path + " answered " + response.statusCode());
                        }
                        answers.incrementAndGet();
                    } catch (Exception e) {
                        failures.add(path + ": " + e);
                    }
                    slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
            assertThat(failures).as("the site kept answering").isEmpty();
            assertThat(answers.get()).isPositive();
            assertThat(slowest.get()).as("slowest answer to a reader, ms").isLessThan(5_000);
        }
    }

    private static long usedHeapAfterFullCollection() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private interface Attack {
        void run(int times) throws Exception;
    }

    /** Runs the attack a few times to warm up, then at full strength, and measures what stays behind. */
    private long heapGrowth(Attack attack, int times) throws Exception {
        attack.run(3);
        long before = usedHeapAfterFullCollection();
        try (Reader reader = new Reader()) {
            attack.run(times);
        }
        long growth = usedHeapAfterFullCollection() - before;
        System.out.printf("%d attacks: heap %+d KB after a full collection%n", times, growth / 1024);
        return growth;
    }

    private HttpResponse<Void> send(HttpClient with, HttpRequest.Builder request) throws Exception {
        return with.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    @Test
    void failedSignInsWithHugeNamesKeepNothing() throws Exception {
        // a browser's visit: the sign-in form and its CSRF token
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(to("/admin/sign-in").build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = URLEncoder.encode(Jsoup.parse(page).select("input[name=_csrf]").attr("value"), StandardCharsets.UTF_8);
        String huge = "n".repeat(2_000_000);
        // reproduced: 20 such sign-ins held 82 MB, 20 more from a second address ran out of memory; here 200,
        // now refused before their body is read (RequestBodyLimit)
        long growth = heapGrowth(times -> {
            for (int i = 0; i < times; i++) {
                var response = browser.send(to("/admin/sign-in").header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html").timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + huge + i + "&password=wrong&_csrf=" + token)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(413);
                assertThat(response.body()).contains("al massimo 16 KB"); // the site's first language
            }
        }, attacks(200, 200));
        assertThat(growth).isLessThan(ALLOWED_GROWTH);
    }

    @Test
    void formsDeclaringLargeBodiesAreRefusedBeforeTheirBodyIsRead() throws Exception {
        // reproduced: 60 connections, each declaring a 2 MB form and then sending slowly, held 120 MB of a
        // 200 MB heap (Tomcat reads a form into an array of the declared length); here 100, held open
        byte[] body = "username=".concat("a".repeat(1_000)).getBytes(StandardCharsets.US_ASCII);
        List<Socket> slowSenders = new ArrayList<>();
        try {
            long growth = heapGrowth(times -> {
                for (int i = 0; i < times; i++) {
                    var socket = new Socket("localhost", port);
                    slowSenders.add(socket);
                    socket.setSoTimeout(10_000);
                    String path = i % 2 == 0 ? "/admin/sign-in" : "/search";
                    socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2000000\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().write(body);
                    String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                    assertThat(statusLine).as("answered before the body is sent").isEqualTo("HTTP/1.1 413");
                }
            }, 100); // the connections stay open while the heap is measured
            // each connection keeps its buffers while Tomcat reads and discards the body, as ConnectionBudget reckons
            // (16.0-21.1 MB measured when this test had no warm-up, the higher once on the CI machine), plus the few MB the other attacks allow for the shared
            // context's own movements (the reader, caches); far below the 200 MB the bodies would have held
            assertThat(growth).isLessThan(100 * ConnectionBudget.worstCaseBytesPerConnection(64 * 1024) + ALLOWED_GROWTH);
        } finally {
            for (Socket socket : slowSenders) {
                socket.close();
            }
        }
    }

    /**
     * How many times an attack is repeated: in every build a count that runs in seconds; with
     * -Dattacks.full=true (README, Limits) ten times the count the security review reproduced.
     */
    private static int attacks(int everyBuild, int tenTimesReproduced) {
        return Boolean.getBoolean("attacks.full") ? tenTimesReproduced : everyBuild;
    }

    @Test
    void searchesWithParametersThePageIgnoresKeepNothing() throws Exception {
        String padding = "p".repeat(60_000);
        long[] counter = {0};
        // reproduced: 1,500 such searches filled the heap; 300 here (each renders a search: it cannot be cached),
        // which would have kept 18 MB of keys alone
        long growth = heapGrowth(times -> {
            for (int i = 0; i < times; i++) {
                assertThat(send(client, to("/search?q=x&p" + counter[0]++ + "=" + padding)).statusCode()).isEqualTo(200);
            }
        }, attacks(300, 15_000));
        assertThat(growth).isLessThan(ALLOWED_GROWTH);
    }

    @Test
    void distinctHostHeadersNeitherGrowTheCacheNorEvictTheReadersPages() throws Exception {
        assertThat(send(client, to(TEXT)).statusCode()).isEqualTo(200);
        int pages = cache.pagesInMemory();
        // reproduced: 400 distinct hosts evicted the real pages; here 2,000
        long growth = heapGrowth(times -> {
            for (int i = 0; i < times; i++) {
                assertThat(rawGet(i % 2 == 0 ? "/" : TEXT, "h" + i + "-" + "x".repeat(200) + ".example")).startsWith("HTTP/1.1 200");
            }
        }, attacks(2_000, 4_000));
        assertThat(growth).isLessThan(ALLOWED_GROWTH);
        assertThat(cache.pagesInMemory()).as("at most the home page more").isLessThanOrEqualTo(pages + 1);
        assertThat(cache.get(TEXT)).as("the reader's page is still cached").isNotNull();
    }

    /** Java's HTTP client will not send a Host of our choosing: a plain socket will. @return the status line */
    private String rawGet(String path, String host) throws Exception {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nX-Forwarded-Host: evil.example\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, Math.max(0, response.indexOf("\r\n")));
        }
    }

    @Test
    void anonymousVisitsOfEditingPagesCreateNoSessions() throws Exception {
        String query = "q=" + "s".repeat(30_000);
        String header = "h".repeat(30_000);
        int sessions = tomcatContext().getManager().getActiveSessions();
        // reproduced: 1,000 such visits held 73 MB in two-hour sessions; here 2,000
        long growth = heapGrowth(times -> {
            for (int i = 0; i < times; i++) {
                var response = send(client, to("/admin/translations/" + i + "/history?" + query).header("X-Padding", header));
                assertThat(response.statusCode()).isEqualTo(302);
                assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
            }
        }, attacks(2_000, 10_000));
        assertThat(growth).isLessThan(ALLOWED_GROWTH);
        assertThat(tomcatContext().getManager().getActiveSessions()).isEqualTo(sessions);
    }

    private Context tomcatContext() {
        var tomcat = ((TomcatWebServer) ((WebServerApplicationContext) context).getWebServer()).getTomcat();
        return (Context) tomcat.getHost().findChildren()[0];
    }
}
