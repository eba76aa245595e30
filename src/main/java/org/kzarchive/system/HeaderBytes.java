package org.kzarchive.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.apache.tomcat.util.http.MimeHeaders;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Response headers handed to Tomcat as bytes encoded once, for the cached pages' hit path. Tomcat
 * encodes every header name and value given as a String anew for each response, with a new encoder
 * and two buffers each: for a cached page's ten headers, 12–41% more young collections per response
 * with the values as Strings (measured side by side), and another 14% of the CPU of a cached search
 * page for the names and the content type (JFR). A valve at the head of the pipeline gives the filters
 * Tomcat's own header list through a request attribute; without it (a test's mock request) the
 * values go through the servlet API as Strings, with the same result on the wire.
 * <p>
 * A kept page sent from memory is also spared Tomcat's compression check ({@link #sentAsKept}): the
 * page is already in the encoding the reader asked for and its Vary names Accept-Encoding, but for
 * a reader not asking for gzip Tomcat would parse that Vary header again, write it anew as a String
 * and encode it: 15% of JFR's samples on a cached search page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // its valve first: the others use the header list it gives them
class HeaderBytes implements TomcatContextCustomizer, WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final String ATTRIBUTE = HeaderBytes.class.getName();

    // a slot of Tomcat's response notes (it uses 1; there are 32) marking a response sent as kept
    private static final int SENT_AS_KEPT = 31;

    /**
     * One header with its name and value encoded once; {@code bytes} is null for a value that is not
     * Latin-1 (names are ASCII tokens: a servlet container refuses others).
     */
    record Header(String name, String value, byte[] nameBytes, byte[] bytes) {

        static Header of(String name, String value) {
            boolean latin1 = value.chars().allMatch(c -> c < 256);
            return new Header(name, value, name.getBytes(StandardCharsets.ISO_8859_1),
                    latin1 ? value.getBytes(StandardCharsets.ISO_8859_1) : null);
        }
    }

    private static volatile Header date = Header.of("Date", "");

    @Override
    public void customize(Context context) {
        context.getPipeline().addValve(new ExposeHeaders());
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setProtocol(KeptPagesProtocol.class.getName());
    }

    /**
     * The response's body is a kept page in the encoding the reader asked for, with its Vary header
     * set: Tomcat's compression leaves it as it is (see {@link KeptPagesProtocol}).
     */
    static void sentAsKept(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof org.apache.coyote.Response coyoteResponse) {
            coyoteResponse.setNote(SENT_AS_KEPT, Boolean.TRUE);
        }
    }

    /** Sets {@code header}, replacing any value of that name. */
    static void set(HttpServletRequest request, HttpServletResponse response, Header header) {
        MimeHeaders headers = tomcatHeaders(request);
        if (headers == null || header.bytes() == null) {
            response.setHeader(header.name(), header.value());
        } else {
            headers.removeHeader(header.name());
            headers.addValue(header.nameBytes(), 0, header.nameBytes().length).setBytes(header.bytes(), 0, header.bytes().length);
        }
    }

    /** Adds {@code header} to those of its name already set. */
    static void add(HttpServletRequest request, HttpServletResponse response, Header header) {
        MimeHeaders headers = tomcatHeaders(request);
        if (headers == null || header.bytes() == null) {
            response.addHeader(header.name(), header.value());
        } else {
            headers.addValue(header.nameBytes(), 0, header.nameBytes().length).setBytes(header.bytes(), 0, header.bytes().length);
        }
    }

    /**
     * The kept page's Content-Type {@code header}. Behind the valve it goes to Tomcat's header list as
     * bytes, not to the response's content type, which Tomcat would write as a String and encode anew.
     */
    static void contentType(HttpServletRequest request, HttpServletResponse response, Header header) {
        if (tomcatHeaders(request) == null || header.bytes() == null) {
            response.setContentType(header.value());
        } else {
            set(request, response, header);
        }
    }

    /** Tomcat's Date header (it adds none when one is set), encoded once a second instead of once a response. */
    static void date(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(ATTRIBUTE) == null) {
            return; // Tomcat, or the test's mock, adds its own
        }
        set(request, response, currentDate());
    }

    /** The Date header of this second, encoded once a second. */
    static Header currentDate() {
        String now = FastHttpDateFormat.getCurrentDate();
        Header current = date;
        if (!current.value().equals(now)) {
            current = Header.of("Date", now);
            date = current;
        }
        return current;
    }

    private static MimeHeaders tomcatHeaders(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof org.apache.coyote.Response coyoteResponse
                ? coyoteResponse.getMimeHeaders() : null;
    }

    /** Tomcat's HTTP/1.1 connector, but that a response sent as kept is not considered for compression. */
    public static final class KeptPagesProtocol extends Http11NioProtocol {

        public KeptPagesProtocol() {
            super(new KeptPagesEndpoint());
        }

        /** The endpoint that answers kept pages on Tomcat's poller once given them ({@link KeptPagesEndpoint#answerFrom}). */
        KeptPagesEndpoint keptPagesEndpoint() {
            return (KeptPagesEndpoint) getEndpoint();
        }

        @Override
        public boolean useCompression(org.apache.coyote.Request request, org.apache.coyote.Response response) {
            if (response.getNote(SENT_AS_KEPT) != null) {
                response.setNote(SENT_AS_KEPT, null);
                return false;
            }
            return super.useCompression(request, response);
        }
    }

    private static final class ExposeHeaders extends ValveBase {

        ExposeHeaders() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            org.apache.coyote.Response coyoteResponse = response.getCoyoteResponse();
            coyoteResponse.setNote(SENT_AS_KEPT, null); // Tomcat reuses its responses: no mark of an earlier one
            request.setAttribute(ATTRIBUTE, coyoteResponse);
            getNext().invoke(request, response);
        }
    }
}
