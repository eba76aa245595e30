package org.kzarchive.system;

import org.apache.catalina.connector.Connector;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Bounds what Tomcat's open connections can hold. Each holds its socket buffers from the moment it
 * is accepted, and one whose request head has not all arrived also holds a processor with room for
 * the largest head ({@code server.max-http-request-header-size}). Under Tomcat's default of 8,192
 * connections that is far more than the heap: 1,100 idle connections from one anonymous client once
 * filled a 200 MB heap and killed Tomcat's acceptor, and the site answered no one until restarted.
 * So the connections are bounded by what a quarter of the heap holds in the worst case (every
 * connection in the middle of a request head); over the bound, a new connection waits in the
 * backlog until another closes. {@code server.tomcat.max-connections}, when set, wins.
 */
@Component
class ConnectionBudget implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    /**
     * Pages sent from memory are the small ones (under {@link PageCache#SENDFILE_MIN_BYTES}; search
     * results ~15 KB): with their headers they go out in one write. Larger ones go with sendfile.
     */
    static final int WRITE_BUFFER_BYTES = 24 * 1024;
    /** Tomcat's own socket read buffer */
    static final int READ_BUFFER_BYTES = 8 * 1024;
    /**
     * A processor's buffers besides the request head: a second read buffer, the response's headers
     * (8 KB) and the servlet request's and response's buffers (8 KB of bytes and 8 K chars each)
     */
    static final int PROCESSOR_BUFFERS_BYTES = 64 * 1024;
    /** the connection's and the processor's objects besides the buffers, rounded up */
    static final int OBJECTS_BYTES = 40 * 1024;
    static final int FEWEST_CONNECTIONS = 64;
    static final int MOST_CONNECTIONS = 8_192;

    private static final Log log = LogFactory.getLog(ConnectionBudget.class);
    private static final String OPERATORS_SETTING = "server.tomcat.max-connections";

    private final Environment environment;
    private final ServerProperties server;

    ConnectionBudget(Environment environment, ServerProperties server) {
        this.environment = environment;
        this.server = server;
    }

    /**
     * What one connection holds at most, with the largest request head allowed: ~200 KB with 64 KB
     * (measured: 184 KB while Tomcat reads, and discards, the body of a refused form).
     */
    static long worstCaseBytesPerConnection(long maxRequestHeadBytes) {
        return READ_BUFFER_BYTES + WRITE_BUFFER_BYTES + maxRequestHeadBytes + PROCESSOR_BUFFERS_BYTES + OBJECTS_BYTES;
    }

    /** As many connections as a quarter of the heap holds in the worst case. */
    static int maxConnections(long heapBytes, long maxRequestHeadBytes) {
        return (int) Math.clamp(heapBytes / 4 / worstCaseBytesPerConnection(maxRequestHeadBytes), FEWEST_CONNECTIONS,
                MOST_CONNECTIONS);
    }

    /** After Boot's own customizer, whose connector settings would otherwise overwrite the bound. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Integer bound = environment.containsProperty(OPERATORS_SETTING) ? null
                : maxConnections(Runtime.getRuntime().maxMemory(), server.getMaxHttpRequestHeaderSize().toBytes());
        factory.addConnectorCustomizers(connector -> customize(connector, bound));
    }

    private static void customize(Connector connector, Integer bound) {
        connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER_BYTES));
        connector.setProperty("socket.appReadBufSize", Integer.toString(READ_BUFFER_BYTES));
        connector.setProperty("socket.txBufSize", "262144");
        if (bound != null) {
            connector.setProperty("maxConnections", bound.toString());
            log.info("At most " + bound + " open connections (a quarter of the heap in the worst case; "
                    + OPERATORS_SETTING + " sets another bound)");
        }
    }
}
