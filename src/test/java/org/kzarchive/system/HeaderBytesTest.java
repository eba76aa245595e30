package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.MimeHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class HeaderBytesTest {

    private static final HeaderBytes.Header POLICY = HeaderBytes.Header.of("Referrer-Policy", "no-referrer");

    /** A request that went through the valve at the head of Tomcat's pipeline, with {@code coyoteResponse}. */
    private static MockHttpServletRequest throughTheValve(org.apache.coyote.Response coyoteResponse) throws Exception {
        var context = new StandardContext();
        new HeaderBytes().customize(context);
        Valve valve = context.getPipeline().getFirst();
        var request = new MockHttpServletRequest();
        var tomcatRequest = new Request(new Connector(), new org.apache.coyote.Request()) {
            @Override
            public void setAttribute(String name, Object value) {
                request.setAttribute(name, value);
            }
        };
        valve.setNext(new ValveBase() {
            @Override
            public void invoke(Request request, Response response) {
            }
        });
        valve.invoke(tomcatRequest, new Response(coyoteResponse));
        return request;
    }

    private static java.util.List<String> values(MimeHeaders headers, String name) {
        return java.util.stream.IntStream.range(0, headers.size()).filter(i -> headers.getName(i).equalsIgnoreCase(name))
                .mapToObj(i -> headers.getValue(i).toString()).toList();
    }

    @Test
    void behindTheValveHeadersGoToTomcatAsTheBytesEncodedOnce() throws Exception {
        var coyoteResponse = new org.apache.coyote.Response();
        MimeHeaders tomcatHeaders = coyoteResponse.getMimeHeaders();
        var request = throughTheValve(coyoteResponse);
        var response = new MockHttpServletResponse();

        HeaderBytes.set(request, response, HeaderBytes.Header.of("Cache-Control", "private"));
        HeaderBytes.set(request, response, HeaderBytes.Header.of("Cache-Control", "no-cache"));
        HeaderBytes.add(request, response, POLICY);
        HeaderBytes.add(request, response, POLICY);
        HeaderBytes.date(request, response);

        assertThat(response.getHeaderNames()).as("nothing through the servlet API").isEmpty();
        assertThat(values(tomcatHeaders, "Cache-Control")).as("set replaces").containsExactly("no-cache");
        assertThat(values(tomcatHeaders, "Referrer-Policy")).as("add adds")
                .containsExactly("no-referrer", "no-referrer");
        assertThat(tomcatHeaders.getValue("Cache-Control").getType()).isEqualTo(org.apache.tomcat.util.buf.MessageBytes.T_BYTES);
        assertThat(java.util.stream.IntStream.range(0, tomcatHeaders.size()).mapToObj(tomcatHeaders::getName))
                .as("names too").allMatch(name -> name.getType() == org.apache.tomcat.util.buf.MessageBytes.T_BYTES);
        assertThat(tomcatHeaders.getHeader("Date")).as("Tomcat's own format, so it adds none")
                .isEqualTo(org.apache.tomcat.util.http.FastHttpDateFormat.getCurrentDate());
    }

    @Test
    void withoutTheValveHeadersGoThroughTheServletApi() {
        var request = new MockHttpServletRequest();
        var response = new MockHttpServletResponse();

        HeaderBytes.set(request, response, HeaderBytes.Header.of("Cache-Control", "no-cache"));
        HeaderBytes.add(request, response, POLICY);
        HeaderBytes.date(request, response);

        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("Date")).as("left to the container").isNull();
    }

    @Test
    void aValueThatIsNotLatin1IsGivenAsAStringForTheContainerToJudge() throws Exception {
        var request = throughTheValve(new org.apache.coyote.Response());
        var response = new MockHttpServletResponse();

        HeaderBytes.set(request, response, HeaderBytes.Header.of("X-Title", "Казахстан"));

        assertThat(HeaderBytes.Header.of("X-Title", "Казахстан").bytes()).isNull();
        assertThat(response.getHeader("X-Title")).isEqualTo("Казахстан");
    }

    /** Tomcat's connector, compressing as the archive is configured, asked about a 10,000-byte HTML response. */
    private static boolean compressed(HeaderBytes.KeptPagesProtocol protocol, org.apache.coyote.Response response,
                                      String acceptEncoding) {
        var request = new org.apache.coyote.Request();
        if (acceptEncoding != null) {
            request.getMimeHeaders().addValue("Accept-Encoding").setString(acceptEncoding);
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(10_000);
        return protocol.useCompression(request, response);
    }

    @Test
    void aResponseSentAsKeptIsLeftAsItIsByTomcatsCompressionAndTheNextIsNot() throws Exception {
        var protocol = new HeaderBytes.KeptPagesProtocol();
        protocol.setCompression("on");
        var coyoteResponse = new org.apache.coyote.Response();
        var request = throughTheValve(coyoteResponse);
        HeaderBytes.set(request, new MockHttpServletResponse(), HeaderBytes.Header.of("Vary", "Accept-Encoding"));

        HeaderBytes.sentAsKept(request);
        assertThat(compressed(protocol, coyoteResponse, "gzip")).isFalse();
        assertThat(coyoteResponse.getMimeHeaders().getValue("Vary").getType()).as("its Vary not parsed and written anew")
                .isEqualTo(org.apache.tomcat.util.buf.MessageBytes.T_BYTES);

        assertThat(compressed(protocol, coyoteResponse, "gzip")).as("the mark is for one response").isTrue();
        var other = new org.apache.coyote.Response();
        assertThat(compressed(protocol, other, null)).isFalse();
        assertThat(other.getMimeHeaders().getHeader("Vary")).as("Tomcat's own check, for other responses").isEqualTo("accept-encoding");
    }

    @Test
    void theValveClearsAMarkLeftOnTheResponseTomcatReuses() throws Exception {
        var protocol = new HeaderBytes.KeptPagesProtocol();
        protocol.setCompression("on");
        var coyoteResponse = new org.apache.coyote.Response();
        HeaderBytes.sentAsKept(throughTheValve(coyoteResponse)); // a response that never reached the check

        throughTheValve(coyoteResponse); // the next request on the same connection
        assertThat(compressed(protocol, coyoteResponse, "gzip")).isTrue();
    }

    @Test
    void withoutTheValveSentAsKeptChangesNothing() {
        var request = new MockHttpServletRequest();
        HeaderBytes.sentAsKept(request);
        assertThat(request.getAttributeNames().hasMoreElements()).isFalse();
    }

    @Test
    void behindTheValveAKeptPagesContentTypeIsAHeaderOfBytesAndWithoutItTheResponsesContentType() throws Exception {
        var coyoteResponse = new org.apache.coyote.Response();
        var behind = new MockHttpServletResponse();
        HeaderBytes.contentType(throughTheValve(coyoteResponse), behind, HeaderBytes.Header.of("Content-Type", "text/html;charset=UTF-8"));
        assertThat(coyoteResponse.getMimeHeaders().getValue("Content-Type").getType())
                .isEqualTo(org.apache.tomcat.util.buf.MessageBytes.T_BYTES);
        assertThat(coyoteResponse.getMimeHeaders().getHeader("Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(coyoteResponse.getContentType()).as("so that Tomcat writes no second one").isNull();
        assertThat(behind.getContentType()).isNull();

        var without = new MockHttpServletResponse();
        HeaderBytes.contentType(new MockHttpServletRequest(), without, HeaderBytes.Header.of("Content-Type", "application/atom+xml;charset=UTF-8"));
        assertThat(without.getContentType()).isEqualTo("application/atom+xml;charset=UTF-8");
    }
}
