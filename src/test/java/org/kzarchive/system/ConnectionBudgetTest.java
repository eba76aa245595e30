package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

class ConnectionBudgetTest {

    private static final long MB = 1024 * 1024;

    @Test
    void theRecommendedHeapAcceptsAsManyConnectionsAsAQuarterOfItHoldsInTheWorstCase() {
        assertThat(ConnectionBudget.worstCaseBytesPerConnection(64 * 1024)).isEqualTo(200 * 1024);
        assertThat(ConnectionBudget.maxConnections(200 * MB, 64 * 1024)).as("the README's figure").isEqualTo(256);
        assertThat(ConnectionBudget.maxConnections(16 * MB, 64 * 1024)).isEqualTo(ConnectionBudget.FEWEST_CONNECTIONS);
        assertThat(ConnectionBudget.maxConnections(64_000 * MB, 64 * 1024)).isEqualTo(ConnectionBudget.MOST_CONNECTIONS);
    }

    @Test
    void withoutTheOperatorsSettingTheConnectorGetsTheBoundAndSmallerBuffers() {
        Connector connector = customized(new MockEnvironment());

        assertThat(connector.getProperty("maxConnections"))
                .isEqualTo(ConnectionBudget.maxConnections(Runtime.getRuntime().maxMemory(), 64 * 1024));
        assertThat(connector.getProperty("socket.appWriteBufSize")).isEqualTo(String.valueOf(ConnectionBudget.WRITE_BUFFER_BYTES));
    }

    @Test
    void theOperatorsSettingIsLeftAsItIs() {
        int tomcatsOwn = (Integer) new Connector().getProperty("maxConnections");

        Connector connector = customized(new MockEnvironment().withProperty("server.tomcat.max-connections", "5000"));

        assertThat(connector.getProperty("maxConnections")).as("Boot's own customizer applies it").isEqualTo(tomcatsOwn);
        assertThat(connector.getProperty("socket.appWriteBufSize")).isEqualTo(String.valueOf(ConnectionBudget.WRITE_BUFFER_BYTES));
    }

    private static Connector customized(MockEnvironment environment) {
        var factory = new TomcatServletWebServerFactory();
        var server = new ServerProperties();
        server.setMaxHttpRequestHeaderSize(DataSize.ofKilobytes(64)); // as application.properties sets it
        new ConnectionBudget(environment, server).customize(factory);
        Connector connector = new Connector();
        factory.getConnectorCustomizers().forEach(customizer -> customizer.customize(connector));
        return connector;
    }
}
