package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeptPageRequestTest {

    private static final String PAGE = "/it/kazakistan-dopo-la-rivolta/interview";

    private static KeptPageRequest parse(String head) {
        return KeptPageRequest.of(ByteBuffer.wrap(head.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aPlainGetIsRecognisedWithItsLength() {
        String head = "GET " + PAGE + " HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: x\r\nAccept: text/html\r\n\r\n";
        assertThat(parse(head)).isEqualTo(new KeptPageRequest(false, PAGE, false, null, false, head.length()));
    }

    @Test
    void whatChangesTheAnswerIsRead() {
        var request = parse("HEAD " + PAGE + " HTTP/1.1\r\nhost: archivio.example.org\r\naccept-encoding: gzip, br\r\n"
                + "If-None-Match: W/\"1-2\"\r\nConnection: Keep-Alive\r\nCookie: SESSION=abc\r\n\r\n");
        assertThat(request.head()).isTrue();
        assertThat(request.acceptsGzip()).isTrue();
        assertThat(request.ifNoneMatch()).isEqualTo("W/\"1-2\"");
        assertThat(request.keepAlive()).isTrue();
    }

    @Test
    void onlyTheFirstOfPipelinedRequestsIsReadAndTheBufferIsNotMoved() {
        String first = "GET /feed.atom HTTP/1.1\r\nHost: x\r\n\r\n";
        ByteBuffer bytes = ByteBuffer.wrap((first + "GET " + PAGE + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        var request = KeptPageRequest.of(bytes);
        assertThat(request.path()).isEqualTo("/feed.atom");
        assertThat(request.length()).isEqualTo(first.length());
        assertThat(bytes.position()).isZero();
        assertThat(KeptPageRequest.of(bytes.position(first.length())).path()).isEqualTo(PAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /it/page HTTP/1.1\r\nHost: x\r\n", // not all arrived
        "GET /it/page HTTP/1.1\r\n\r\n", // no Host
        "GET /it/page HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
        "GET /it/page HTTP/1.0\r\nHost: x\r\n\r\n",
        "POST /it/page HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
        "OPTIONS /it/page HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /it/page?q=1 HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /it/pag%65 HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /it//page HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /it/./page HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /it/../page HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /it/page;jsessionid=1 HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET http://x/it/page HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET  /it/page HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /it/page HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n",
        "GET /it/page HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
        "GET /it/page HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /it/page HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n\r\n",
        "GET /it/page HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n",
        "GET /it/page HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nAccept-Encoding: br\r\n\r\n",
        "GET /it/page HTTP/1.1\r\nHost: x\r\nX-Long: a\r\n folded\r\n\r\n",
        "GET /it/page HTTP/1.1\r\nHost : x\r\n\r\n",
        "GET /it/page HTTP/1.1\r\nHost: x\r\nNo colon\r\n\r\n",
        "GET /it/page HTTP/1.1\nHost: x\n\n",
        "GET /it/page HTTP/1.1\r\nHost: x\r\nX-Bytes: caf\u00e9\r\n\r\n",
        "GET /it/page HTTP/1.1\r\nHost: x\r\nX-Nul: a\u0000b\r\n\r\n",
        "GET /it/page HTTP/1.1\r\nHost: user@x\r\n\r\n",
        "GET /it/page HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n",
        "GET /it/page HTTP/1.1\r\nHost: x:80a\r\n\r\n",
        "GET /it/page HTTP/1.1\r\nHost: x:\r\n\r\n",
    })
    void anythingElseIsLeftToTomcat(String head) {
        assertThat(parse(head)).isNull();
    }

    @Test
    void manyHeadersAreLeftToTomcat() {
        assertThat(parse("GET /it/page HTTP/1.1\r\nHost: x\r\n" + "X-A: b\r\n".repeat(49) + "\r\n")).isNotNull();
        assertThat(parse("GET /it/page HTTP/1.1\r\nHost: x\r\n" + "X-A: b\r\n".repeat(50) + "\r\n")).isNull();
    }
}
