package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

class KeptPagesValveTest {

    @TempDir
    Path dataDir;

    /** The endpoint of a connector made as Spring Boot makes it, after the valve's customizers ran. */
    private KeptPagesEndpoint endpointAfter(KeptPagesValve valve) {
        var factory = new TomcatServletWebServerFactory();
        valve.customize(factory);
        var connector = new Connector(HeaderBytes.KeptPagesProtocol.class.getName());
        factory.getConnectorCustomizers().forEach(customizer -> customizer.customize(connector));
        return ((HeaderBytes.KeptPagesProtocol) connector.getProtocolHandler()).keptPagesEndpoint();
    }

    @Test
    void keptPagesAreAnsweredOnThePollerFromTheCacheAndCounted() {
        var cache = new PageCache(Clock.systemUTC(), new ArchiveProperties(dataDir, dataDir.resolve("content")));
        cache.put("/it/page", "<p>page</p>".getBytes(StandardCharsets.UTF_8), "text/html", Map.of());
        var valve = new KeptPagesValve(cache, null, true);
        var kept = endpointAfter(valve).answeringFrom();
        assertThat(kept.current("/it/page").plain()).isEqualTo("<p>page</p>".getBytes(StandardCharsets.UTF_8));
        assertThat(kept.current("/it/other")).isNull();
        kept.answered();
        assertThat(valve.answered()).isEqualTo(1);
        assertThat(valve.answeredOnThePoller()).isEqualTo(1);
    }

    @Test
    void switchedOffEveryRequestGoesThroughTomcat() {
        var cache = new PageCache(Clock.systemUTC(), new ArchiveProperties(dataDir, dataDir.resolve("content")));
        assertThat(endpointAfter(new KeptPagesValve(cache, null, false)).answeringFrom()).isNull();
    }
}
