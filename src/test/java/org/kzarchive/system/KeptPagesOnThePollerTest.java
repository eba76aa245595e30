package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Kept pages answered on Tomcat's poller ({@link KeptPagesEndpoint}) get the very bytes the valve
 * gives them through Tomcat, and every request the poller leaves to Tomcat is answered as before.
 * Raw sockets: the JDK's client sends headers of its own (an HTTP/2 upgrade) that leave every request
 * to Tomcat.
 */
@ArchiveIntegrationTest
class KeptPagesOnThePollerTest {

    private static final String TEXT = "/it/kazakistan-dopo-la-rivolta";
    private static final String LARGE = TEXT + "/interview"; // sent with sendfile
    private static final String SMALL = TEXT + "/timeline"; // sent from memory

    @LocalServerPort
    int port;

    @Autowired
    PageCache cache;

    @Autowired
    PageRefresher refresher;

    @Autowired
    KeptPagesValve valve;

    @Autowired
    WebServerApplicationContext server;

    private KeptPagesEndpoint endpoint;
    private KeptPagesEndpoint.KeptPages answering;

    @BeforeEach
    void pagesKept() throws Exception {
        refresher.idle().get(60, TimeUnit.SECONDS);
        var protocol = (HeaderBytes.KeptPagesProtocol) ((TomcatWebServer) server.getWebServer()).getTomcat()
                .getConnector().getProtocolHandler();
        endpoint = protocol.keptPagesEndpoint();
        answering = endpoint.answeringFrom();
        assertThat(answering).as("on by default").isNotNull();
        for (String path : List.of(LARGE, SMALL, "/feed.atom")) {
            exchange(get(path) + get(path, "Accept-Encoding: gzip"), 2);
        }
        assertThat(cache.get(LARGE)).isNotNull();
        assertThat(cache.get(LARGE).plainFile()).as("sent with sendfile").isNotNull();
        assertThat(cache.get(SMALL).plainFile()).as("sent from memory").isNull();
    }

    @AfterEach
    void answeringAsBefore() {
        endpoint.answerFrom(answering);
    }

    private static String get(String path, String... headers) {
        return request("GET", path, headers);
    }

    private static String request(String method, String path, String... headers) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers.length == 0 ? List.of()
                : List.of(headers).stream().map(h -> h + "\r\n").toList()) + "\r\n";
    }

    @Test
    void aPlainRequestForAKeptPageIsAnsweredOnThePollerWithTheBytesTomcatWouldSend() throws Exception {
        String etag = cache.get(LARGE).etag().value();
        List<String> requests = List.of(
                get(LARGE), get(LARGE, "Accept-Encoding: gzip, deflate, br"), get(SMALL), get(SMALL, "Accept-Encoding: gzip"),
                get("/feed.atom"), request("HEAD", LARGE), request("HEAD", SMALL, "Accept-Encoding: gzip"),
                get(LARGE, "If-None-Match: " + etag), get(LARGE, "If-None-Match: W/\"other\""),
                get(LARGE, "Connection: keep-alive", "User-Agent: Mozilla/5.0", "Accept: text/html", "Cookie: a=b",
                        "Accept-Language: ru", "Upgrade-Insecure-Requests: 1", "Cache-Control: max-age=0"),
                get(SMALL, "If-None-Match: " + cache.get(SMALL).etag().value(), "Connection: Keep-Alive"));
        for (String request : requests) {
            long onThePoller = valve.answeredOnThePoller();
            long answered = valve.answered();
            byte[] fromThePoller = exchange(request, 1).getFirst();
            assertThat(valve.answeredOnThePoller() - onThePoller).as("on the poller: %s", request).isEqualTo(1);
            endpoint.answerFrom(null);
            byte[] fromTomcat = exchange(request, 1).getFirst();
            endpoint.answerFrom(answering);
            assertThat(valve.answered() - answered).as("one by the poller, one by the valve: %s", request).isEqualTo(2);
            assertThat(valve.answeredOnThePoller() - onThePoller).isEqualTo(1);
            assertThat(withoutDate(fromThePoller)).as(request).isEqualTo(withoutDate(fromTomcat));
        }
    }

    @Test
    void whatThePollerDoesNotAnswerTomcatAnswersAsBefore() throws Exception {
        List<String> requests = List.of(
                get(LARGE + "?x=1"), get(TEXT + "/interview/"), get("/it/kazakistan-dopo-la-rivolta/intervie%77"),
                get(TEXT + "/./interview"), get(TEXT + "/missing"), request("POST", LARGE, "Content-Length: 0"),
                request("OPTIONS", LARGE), "GET " + LARGE + " HTTP/1.0\r\n\r\n", get(LARGE, "Host: twice"),
                "GET " + LARGE + " HTTP/1.1\r\nHost: localhost\r\n continued\r\n\r\n", get(LARGE, "Expect: 100-continue"),
                "GET " + LARGE + " HTTP/1.1\r\nhost: localhost\r\nX-Bytes: caf\u00e9\r\n\r\n", get("/search?q=Almaty"), get("/"));
        for (String request : requests) {
            exchange(request, 1); // a page rendered now, kept for the next time, may differ from the kept one
            long onThePoller = valve.answeredOnThePoller();
            byte[] answer = exchange(request, 1).getFirst();
            assertThat(valve.answeredOnThePoller()).as("left to Tomcat: %s", request).isEqualTo(onThePoller);
            endpoint.answerFrom(null);
            byte[] fromTomcat = exchange(request, 1).getFirst();
            endpoint.answerFrom(answering);
            assertThat(withoutDate(answer)).as(request).isEqualTo(withoutDate(fromTomcat));
        }
        try (Socket socket = connect()) {
            // "Connection: close" is Tomcat's: it answers, then closes
            socket.getOutputStream().write(get(SMALL, "Connection: close").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            assertThat(new String(response(in, false), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200 ").contains("Connection: close");
            assertThat(in.read()).as("closed").isEqualTo(-1);
        }
    }

    @Test
    void aRequestArrivingInPiecesIsLeftToTomcatWithTheBytesAlreadyRead() throws Exception {
        String request = get(LARGE);
        long onThePoller = valve.answeredOnThePoller();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(request.substring(0, 20).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(300);
            out.write(request.substring(20).getBytes(StandardCharsets.ISO_8859_1));
            byte[] answer = response(socket.getInputStream(), false);
            assertThat(withoutDate(answer)).isEqualTo(withoutDate(exchange(request, 1).getFirst()));
        }
        assertThat(valve.answeredOnThePoller() - onThePoller).as("only the second, whole request").isEqualTo(1);
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheirOrderWhoeverAnswersEach() throws Exception {
        List<String> requests = List.of(get(LARGE), get(SMALL, "Accept-Encoding: gzip"), request("HEAD", LARGE),
                get(TEXT + "/missing"), get(LARGE), get(LARGE + "?x=1"), get(SMALL));
        List<byte[]> oneByOne = new ArrayList<>();
        for (String request : requests) {
            oneByOne.add(withoutDate(exchange(request, 1).getFirst()));
        }
        List<byte[]> pipelined = exchange(String.join("", requests), requests.size());
        for (int i = 0; i < requests.size(); i++) {
            assertThat(withoutDate(pipelined.get(i))).as(requests.get(i)).isEqualTo(oneByOne.get(i));
        }
    }

    @Test
    void readersWhoDoNotReadHoldNeitherThePollerNorTheOthers() throws Exception {
        byte[] large = withoutDate(exchange(get(LARGE), 1).getFirst());
        byte[] small = withoutDate(exchange(get(SMALL), 1).getFirst());
        int count = 60;
        long onAThread = endpoint.finishedOnAThread();
        // one asks for pages sent with sendfile (what the socket does not take waits on the poller), one for pages
        // sent from memory (what a first write does not send goes out on a virtual thread); neither reads yet
        try (Socket sendfile = slowReader(LARGE, count); Socket memory = slowReader(SMALL, count)) {
            Thread.sleep(500);
            long began = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertThat(withoutDate(exchange(get(LARGE), 1).getFirst())).isEqualTo(large);
                assertThat(withoutDate(exchange(get(SMALL), 1).getFirst())).isEqualTo(small);
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)).as("40 pages for another reader").isLessThan(5_000);
            for (int i = 0; i < count; i++) {
                assertThat(withoutDate(response(sendfile.getInputStream(), false))).as("answer %d", i).isEqualTo(large);
                assertThat(withoutDate(response(memory.getInputStream(), false))).as("answer %d", i).isEqualTo(small);
            }
        }
        assertThat(endpoint.finishedOnAThread()).as("a first write left part of an answer unsent").isGreaterThan(onAThread);
    }

    /**
     * A connection that asks for {@code path} {@code count} times and reads nothing yet, with small
     * socket buffers at both ends (the server's end found among Tomcat's connections), so that the
     * first answer already fills them.
     */
    private Socket slowReader(String path, int count) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", port), 5_000);
        socket.setSoTimeout(10_000);
        SocketChannel serverEnd = null;
        for (int tries = 0; serverEnd == null && tries < 100; tries++) {
            for (var connection : endpoint.getConnections()) {
                if (connection.getRemotePort() == socket.getLocalPort()) {
                    serverEnd = connection.getSocket().getIOChannel();
                }
            }
            Thread.sleep(10);
        }
        assertThat(serverEnd).as("Tomcat's end of the connection").isNotNull();
        serverEnd.setOption(StandardSocketOptions.SO_SNDBUF, 4096);
        socket.getOutputStream().write(get(path).repeat(count).getBytes(StandardCharsets.ISO_8859_1));
        return socket;
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("localhost", port), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends {@code requests} in one write on a new connection and reads {@code answers} responses. */
    private List<byte[]> exchange(String requests, int answers) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            List<byte[]> responses = new ArrayList<>();
            String remaining = requests;
            for (int i = 0; i < answers; i++) {
                boolean head = remaining.startsWith("HEAD ");
                responses.add(response(in, head));
                int next = remaining.indexOf("\r\n\r\n");
                remaining = remaining.substring(next + 4);
            }
            return responses;
        }
    }

    /** One response: its head, and its body by Content-Length or in chunks (none for HEAD and 304). */
    private static byte[] response(InputStream in, boolean head) throws IOException {
        var bytes = new ByteArrayOutputStream();
        String text = line(in, bytes);
        long length = 0;
        boolean chunked = false;
        for (String line = text; !line.isEmpty(); line = line(in, bytes)) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(line.substring(15).strip());
            }
            chunked |= line.equalsIgnoreCase("Transfer-Encoding: chunked");
        }
        if (head || text.startsWith("HTTP/1.1 304")) {
            return bytes.toByteArray();
        }
        if (!chunked) {
            bytes.write(in.readNBytes((int) length));
            return bytes.toByteArray();
        }
        for (long size = Long.parseLong(line(in, bytes), 16); ; size = Long.parseLong(line(in, bytes), 16)) {
            bytes.write(in.readNBytes((int) size));
            line(in, bytes);
            if (size == 0) {
                return bytes.toByteArray();
            }
        }
    }

    /** Reads one line into {@code bytes}, returning it without its CRLF. */
    private static String line(InputStream in, ByteArrayOutputStream bytes) throws IOException {
        var line = new StringBuilder();
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                throw new IOException("closed after " + bytes.toString(StandardCharsets.ISO_8859_1));
            }
            bytes.write(b);
            if (b == '\n' && !line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
                return line.substring(0, line.length() - 1);
            }
            line.append((char) b);
        }
    }

    /**
     * The response with what differs from one answer to the next blanked: the Date (the two answers
     * compared may fall in two seconds), a new session's cookie and an error's time stamp.
     */
    private static byte[] withoutDate(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        return text.replaceFirst("\r\nDate: [^\r]*\r\n", "\r\nDate: -\r\n")
                .replaceFirst("\r\nSet-Cookie: SESSION=[^;]*", "\r\nSet-Cookie: SESSION=-")
                .replaceFirst("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"-\"")
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}
