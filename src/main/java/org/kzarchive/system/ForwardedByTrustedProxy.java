package org.kzarchive.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the reader's address from {@code X-Forwarded-For} (and {@code X-Forwarded-Proto}) only
 * when the connection comes from a proxy listed in {@code archive.trusted-proxies}
 * (ARCHIVE_TRUSTED_PROXIES: IP addresses separated by commas, e.g. 127.0.0.1 for a proxy on the
 * same machine; by default none). From anyone else these headers are ignored, so that they can neither
 * dodge the sign-in throttle nor forge audit addresses. {@code X-Forwarded-Host} is never read:
 * links come from {@link PublicAddress}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ForwardedByTrustedProxy extends OncePerRequestFilter {

    static final String PROPERTY = "archive.trusted-proxies";
    // dotted IPv4, or IPv6 with its colons: InetAddress reads these without asking the DNS
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]{1,40}");

    private final List<InetAddress> trusted;

    ForwardedByTrustedProxy(Environment environment) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String entry : environment.getProperty(PROPERTY, "").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            addresses.add(literal(entry.strip()).orElseThrow(() -> new IllegalStateException(PROPERTY
                    + " (ARCHIVE_TRUSTED_PROXIES) lists IP addresses separated by commas, such as 127.0.0.1,::1; '"
                    + entry.strip() + "' is not one")));
        }
        this.trusted = List.copyOf(addresses);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (trusted.isEmpty() || !isTrusted(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        String client = client(request).orElse(request.getRemoteAddr());
        String proto = request.getHeader("X-Forwarded-Proto");
        String scheme = proto == null ? request.getScheme() : proto.strip().toLowerCase(Locale.ROOT);
        boolean secure = scheme.equals("https") || (!scheme.equals("http") && request.isSecure());
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                return client;
            }

            @Override
            public String getScheme() {
                return secure ? "https" : "http";
            }

            @Override
            public boolean isSecure() {
                return secure;
            }
        }, response);
    }

    /** The address just before the last trusted proxy, when it is an IP address. */
    private Optional<String> client(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isTrusted(hop)) {
                return literal(hop).map(InetAddress::getHostAddress);
            }
        }
        return Optional.empty();
    }

    private boolean isTrusted(String address) {
        return literal(address).map(trusted::contains).orElse(false);
    }

    /** An IP address written out; never a name, so nothing is ever looked up in the DNS. */
    private static Optional<InetAddress> literal(String text) {
        if (text == null || !IP_LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
