package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzarchive.SiteProcess;

/**
 * Thousands of connections from one anonymous client, half of them idle and half stopping in the
 * middle of a request's head, against the site in its own process with the heap the README
 * recommends. Before {@link ConnectionBudget}, 1,100 idle connections filled that heap and killed
 * Tomcat's acceptor: the site answered no one until restarted. Now it stops accepting at its bound,
 * a reader already connected keeps reading, and once the flood ends a new reader is answered.
 */
class ConnectionFloodTest {

    private static final String NOTES = "/it/kazakistan-dopo-la-rivolta/notes";
    private static final int FLOOD = 3_000;
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void aFloodOfIdleAndHalfSentConnectionsNeitherExhaustsTheHeapNorStopsTheSite() throws Exception {
        int port = SiteProcess.freePort();
        Process site = startSite(port);
        List<Socket> flood = new ArrayList<>();
        try {
            waitUntilAnswering(port, site);
            try (Socket reader = connect(port)) {
                assertThat(get(reader, NOTES)).startsWith("HTTP/1.1 200");
                byte[] halfHead = "GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: ppp".getBytes(StandardCharsets.US_ASCII);
                int timeouts = 0; // in a row: a site busy collecting garbage may just be slow to accept
                while (flood.size() < FLOOD && timeouts < 3) {
                    Socket socket = new Socket();
                    try {
                        socket.connect(new InetSocketAddress("localhost", port), 2_000);
                        timeouts = 0;
                    } catch (SocketTimeoutException backlogFull) {
                        socket.close();
                        timeouts++;
                        continue;
                    }
                    flood.add(socket);
                    if (flood.size() % 2 == 0) {
                        socket.getOutputStream().write(halfHead);
                    }
                }
                System.out.printf("the flood opened %d connections before the site stopped accepting%n", flood.size());
                assertThat(flood).as("connections beyond the bound wait in the backlog").hasSizeLessThan(FLOOD);
                assertThat(get(reader, NOTES)).as("a reader already connected, during the flood").startsWith("HTTP/1.1 200");
            }
            closeAll(flood);
            waitUntilAnswering(port, site);
            try (Socket newReader = connect(port)) {
                assertThat(get(newReader, NOTES)).as("a new reader after the flood").startsWith("HTTP/1.1 200");
            }
            assertThat(site.isAlive()).isTrue();
            assertThat(Files.readString(dataDir.resolve("site.log"))).doesNotContain("OutOfMemoryError")
                    .contains("open connections (a quarter of the heap");
        } finally {
            closeAll(flood);
            site.destroy();
            site.waitFor();
        }
    }

    private Process startSite(int port) throws IOException {
        return SiteProcess.start(dataDir, List.of("-Xms200m", "-Xmx200m", "-XX:+UseG1GC"),
                List.of("--server.port=" + port, "--archive.admin.password=flood-test-password"));
    }

    /** Waits until a new connection is answered 200 on the notes page (the site started, or the flood drained). */
    private static void waitUntilAnswering(int port, Process site) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(site.isAlive()).as("the site's process runs").isTrue();
            try (Socket socket = connect(port)) {
                if (get(socket, NOTES).startsWith("HTTP/1.1 200")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet, or still busy with the flood
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the site did not answer within 120 s");
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("localhost", port), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** One GET on a kept-alive connection; reads the whole response by its Content-Length. @return its head */
    private static String get(Socket socket, String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.append((char) b);
        }
        var length = CONTENT_LENGTH.matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return head.toString();
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }
}
