package org.kzarchive.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A request head that {@link KeptPagesEndpoint} may answer by itself: {@code GET} or {@code HEAD} of a
 * plain path (letters, digits, {@code - . _ ~ /}, no query, nothing to decode or normalise) over HTTP/1.1,
 * with one Host and well-formed headers, none that asks for anything but the page (no body, no
 * {@code Upgrade} or {@code Expect}, no {@code Connection} but {@code keep-alive}, which browsers send). Anything else is not parsed here but left to
 * Tomcat, which answers it as always: this parser only has to recognise the plainest requests, never to
 * judge the others.
 *
 * @param head        whether the method is HEAD
 * @param path        the request's path, as {@code getRequestURI()} gives it for such a request
 * @param acceptsGzip whether Accept-Encoding names gzip
 * @param ifNoneMatch the If-None-Match header, or null
 * @param keepAlive   whether the request says {@code Connection: keep-alive} (Tomcat's answer then says it too)
 * @param length      the bytes of the head, request line to the empty line
 */
record KeptPageRequest(boolean head, String path, boolean acceptsGzip, String ifNoneMatch, boolean keepAlive, int length) {

    // Tomcat answers 400 beyond 100 headers; far fewer are plenty for a reader
    private static final int MOST_HEADERS = 50;
    private static final String HTTP_1_1 = " HTTP/1.1";

    /** The request whose head starts at {@code bytes}' position, or null to leave it to Tomcat; {@code bytes} is not moved. */
    static KeptPageRequest of(ByteBuffer bytes) {
        int start = bytes.position();
        int end = endOfHead(bytes, start, bytes.limit());
        if (end < 0) {
            return null;
        }
        String text = ascii(bytes, start, end);
        if (text == null) {
            return null;
        }
        int lineEnd = text.indexOf("\r\n");
        String requestLine = text.substring(0, lineEnd);
        boolean head = requestLine.startsWith("HEAD /");
        if (!(head || requestLine.startsWith("GET /")) || !requestLine.endsWith(HTTP_1_1)) {
            return null;
        }
        String path = requestLine.substring(head ? 5 : 4, requestLine.length() - HTTP_1_1.length());
        if (!isPlainPath(path)) {
            return null;
        }
        String host = null;
        String acceptEncoding = null;
        String ifNoneMatch = null;
        String connection = null;
        int headers = 0;
        int lineStart = lineEnd + 2;
        while (lineStart < text.length() - 2) {
            lineEnd = text.indexOf("\r\n", lineStart);
            int colon = text.indexOf(':', lineStart);
            if (colon <= lineStart || colon > lineEnd || ++headers > MOST_HEADERS) {
                return null;
            }
            String name = text.substring(lineStart, colon);
            String value = text.substring(colon + 1, lineEnd).strip();
            if (!isToken(name)) {
                return null;
            }
            switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "host" -> {
                    if (host != null || !isHost(value)) {
                        return null;
                    }
                    host = value;
                }
                case "accept-encoding" -> {
                    if (acceptEncoding != null) {
                        return null;
                    }
                    acceptEncoding = value;
                }
                case "if-none-match" -> {
                    if (ifNoneMatch != null) {
                        return null;
                    }
                    ifNoneMatch = value;
                }
                case "connection" -> {
                    if (connection != null || !value.equalsIgnoreCase("keep-alive")) {
                        return null;
                    }
                    connection = value;
                }
                case "content-length", "transfer-encoding", "upgrade", "expect", "te", "http2-settings",
                     "keep-alive", "proxy-connection", "trailer" -> {
                    return null;
                }
                default -> {
                    // other headers change nothing in a kept page's answer
                }
            }
            lineStart = lineEnd + 2;
        }
        if (host == null) {
            return null;
        }
        return new KeptPageRequest(head, path, PageCacheFilter.acceptsGzip(acceptEncoding), ifNoneMatch,
                connection != null, end - start);
    }

    /** The position after the empty line ending the head, or -1 when it has not all arrived. */
    private static int endOfHead(ByteBuffer bytes, int from, int to) {
        for (int i = from + 3; i < to; i++) {
            if (bytes.get(i) == '\n' && bytes.get(i - 1) == '\r' && bytes.get(i - 2) == '\n' && bytes.get(i - 3) == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The head as text when it is printable ASCII, tabs and CRLF line ends only; otherwise null. */
    private static String ascii(ByteBuffer bytes, int from, int to) {
        byte[] head = new byte[to - from];
        bytes.get(from, head);
        for (int i = 0; i < head.length; i++) {
            byte b = head[i];
            boolean lineEnd = (b == '\r' && i + 1 < head.length && head[i + 1] == '\n') || (b == '\n' && i > 0 && head[i - 1] == '\r');
            if (!lineEnd && b != '\t' && (b < 0x20 || b > 0x7e)) {
                return null;
            }
        }
        return new String(head, StandardCharsets.US_ASCII);
    }

    /** A path that needs no decoding and no normalising: "/" and segments of letters, digits and "-._~", none "." or "..". */
    private static boolean isPlainPath(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || (c == '/' && (i == 0 || path.charAt(i - 1) != '/'));
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static boolean isToken(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
                return false;
            }
        }
        return !name.isEmpty();
    }

    /** A host name or IPv4 address with an optional port of digits; anything else (IPv6, user info) is Tomcat's to judge. */
    private static boolean isHost(String value) {
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        String port = colon < 0 ? "1" : value.substring(colon + 1);
        if (name.isEmpty() || name.length() > 253 || name.charAt(0) == '.' || name.charAt(0) == '-'
                || port.isEmpty() || port.length() > 5) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return false;
            }
        }
        return port.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
