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
import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.apache.tomcat.util.http.MimeHeaders;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.stereotype.Component;

/**
 * Response headers handed to Tomcat as bytes encoded once, for the cached pages' hit path. Tomcat
 * encodes every header value given as a String anew for each response, with a new encoder and two
 * buffers per header: for a cached page's ten headers, 12–41% more young collections per response
 * without it (measured side by side). A valve at the head of the pipeline gives the filters
 * Tomcat's own header list through a request attribute; without it (a test's mock request) the
 * values go through the servlet API as Strings, with the same result on the wire.
 */
@Component
class HeaderBytes implements TomcatContextCustomizer {

    private static final String ATTRIBUTE = HeaderBytes.class.getName();

    /** One header with its value encoded once; {@code bytes} is null for a value that is not Latin-1. */
    record Header(String name, String value, byte[] bytes) {

        static Header of(String name, String value) {
            boolean latin1 = value.chars().allMatch(c -> c < 256);
            return new Header(name, value, latin1 ? value.getBytes(StandardCharsets.ISO_8859_1) : null);
        }
    }

    private static volatile Header date = Header.of("Date", "");

    @Override
    public void customize(Context context) {
        context.getPipeline().addValve(new ExposeHeaders());
    }

    /** Sets {@code header}, replacing any value of that name. */
    static void set(HttpServletRequest request, HttpServletResponse response, Header header) {
        MimeHeaders headers = (MimeHeaders) request.getAttribute(ATTRIBUTE);
        if (headers == null || header.bytes() == null) {
            response.setHeader(header.name(), header.value());
        } else {
            headers.setValue(header.name()).setBytes(header.bytes(), 0, header.bytes().length);
        }
    }

    /** Adds {@code header} to those of its name already set. */
    static void add(HttpServletRequest request, HttpServletResponse response, Header header) {
        MimeHeaders headers = (MimeHeaders) request.getAttribute(ATTRIBUTE);
        if (headers == null || header.bytes() == null) {
            response.addHeader(header.name(), header.value());
        } else {
            headers.addValue(header.name()).setBytes(header.bytes(), 0, header.bytes().length);
        }
    }

    /** Tomcat's Date header (it adds none when one is set), encoded once a second instead of once a response. */
    static void date(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(ATTRIBUTE) == null) {
            return; // Tomcat, or the test's mock, adds its own
        }
        String now = FastHttpDateFormat.getCurrentDate();
        Header current = date;
        if (!current.value().equals(now)) {
            current = Header.of("Date", now);
            date = current;
        }
        set(request, response, current);
    }

    private static final class ExposeHeaders extends ValveBase {

        ExposeHeaders() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            request.setAttribute(ATTRIBUTE, response.getCoyoteResponse().getMimeHeaders());
            getNext().invoke(request, response);
        }
    }
}
