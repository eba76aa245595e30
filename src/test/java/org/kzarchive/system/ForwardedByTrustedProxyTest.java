package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ForwardedByTrustedProxyTest {

    private static HttpServletRequest seenBehind(String trustedProxies, String from, String... forwardedFor) throws Exception {
        var environment = new MockEnvironment();
        if (trustedProxies != null) {
            environment.setProperty(ForwardedByTrustedProxy.PROPERTY, trustedProxies);
        }
        var request = new MockHttpServletRequest("GET", "/admin/sign-in");
        request.setRemoteAddr(from);
        for (String value : forwardedFor) {
            request.addHeader("X-Forwarded-For", value);
        }
        request.addHeader("X-Forwarded-Proto", "https");
        var chain = new MockFilterChain();
        new ForwardedByTrustedProxy(environment).doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }

    @Test
    void byDefaultNoProxyIsTrustedSoTheHeadersOfAnyoneAreIgnored() throws Exception {
        var request = seenBehind(null, "127.0.0.1", "203.0.113.7");
        assertThat(request.getRemoteAddr()).isEqualTo("127.0.0.1");
        assertThat(request.isSecure()).isFalse();
    }

    @Test
    void behindTheConfiguredProxyTheReaderIsTheLastAddressBeforeIt() throws Exception {
        var request = seenBehind("127.0.0.1, ::1", "127.0.0.1", "198.51.100.1, 203.0.113.7");
        assertThat(request.getRemoteAddr()).as("the address the proxy saw; the earlier one is the client's own claim")
                .isEqualTo("203.0.113.7");
        assertThat(request.isSecure()).isTrue();
        assertThat(seenBehind("::1", "0:0:0:0:0:0:0:1", "2001:db8::1").getRemoteAddr()).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void aClientConnectingDirectlyCannotChooseItsAddress() throws Exception {
        assertThat(seenBehind("127.0.0.1", "192.0.2.9", "127.0.0.1", "203.0.113.7").getRemoteAddr()).isEqualTo("192.0.2.9");
    }

    @Test
    void anythingButAnAddressInTheHeaderLeavesTheProxysAddress() throws Exception {
        assertThat(seenBehind("127.0.0.1", "127.0.0.1", "x".repeat(100)).getRemoteAddr()).isEqualTo("127.0.0.1");
        assertThat(seenBehind("127.0.0.1", "127.0.0.1", "evil.example").getRemoteAddr()).isEqualTo("127.0.0.1");
        assertThat(seenBehind("127.0.0.1", "127.0.0.1", "1".repeat(100)).getRemoteAddr()).isEqualTo("127.0.0.1");
    }

    @Test
    void aTrustedProxyMustBeWrittenAsAnAddress() {
        assertThatThrownBy(() -> seenBehind("proxy.example", "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("archive.trusted-proxies");
    }
}
