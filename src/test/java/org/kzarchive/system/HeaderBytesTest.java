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
}
