package org.kzarchive.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a search address with broken percent-encoding ({@code ?q=%ZZ}, bytes that are not UTF-8)
 * reach the search page. The servlet container refuses to read such parameters and the request
 * would end in an error; here they are read leniently instead, with the unreadable bytes replaced,
 * and the page tells the reader so.
 */
@Component
class UnreadableAddressFilter extends OncePerRequestFilter {

    /** Request attribute set when the parameters had to be repaired. */
    static final String REPAIRED = "org.kzarchive.search.UnreadableAddressFilter.repaired";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).equals(SearchLinks.PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest readable = request;
        try {
            request.getParameterMap();
        } catch (IllegalStateException unreadable) { // Tomcat's InvalidParameterException
            readable = new LenientParameters(request);
            readable.setAttribute(REPAIRED, Boolean.TRUE);
        }
        chain.doFilter(readable, response);
    }

    private static final class LenientParameters extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        LenientParameters(HttpServletRequest request) {
            super(request);
            this.parameters = parse(request.getQueryString());
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        private static Map<String, String[]> parse(String query) {
            Map<String, List<String>> collected = new LinkedHashMap<>();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int equals = pair.indexOf('=');
                    String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                    String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                    collected.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
            Map<String, String[]> parameters = new LinkedHashMap<>();
            collected.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
            return Collections.unmodifiableMap(parameters);
        }

        /** Form decoding that keeps a malformed %-escape as it is and replaces bytes that are not UTF-8. */
        static String decode(String text) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
            int i = 0;
            while (i < text.length()) {
                int c = text.codePointAt(i);
                if (c == '+') {
                    bytes.write(' ');
                } else if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                    bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    byte[] encoded = Character.toString(c).getBytes(StandardCharsets.UTF_8);
                    bytes.write(encoded, 0, encoded.length);
                }
                i += Character.charCount(c);
            }
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            } catch (CharacterCodingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        private static boolean isHex(char c) {
            return Character.digit(c, 16) >= 0;
        }
    }
}
