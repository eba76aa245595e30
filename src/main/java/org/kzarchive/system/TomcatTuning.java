package org.kzarchive.system;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

/**
 * Pages here are large (the full text is ~85 KB): a larger socket write buffer sends one in a few
 * system calls instead of eleven 8 KB ones.
 */
@Component
class TomcatTuning implements TomcatConnectorCustomizer {

    @Override
    public void customize(org.apache.catalina.connector.Connector connector) {
        connector.setProperty("socket.appWriteBufSize", "131072");
        connector.setProperty("socket.txBufSize", "262144");
    }
}
