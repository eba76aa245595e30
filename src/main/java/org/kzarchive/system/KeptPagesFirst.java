package org.kzarchive.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aot.AotDetector;
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Readers of pages kept at the last stop are answered as soon as the web server exists, not when the
 * whole application has started. Once the web server has been made (and with it the database, its
 * migrations and the content import: the servlet filters need them), the context takes the kept pages
 * back ({@link PageSnapshot}) and, when some are current, starts the web server; the rest of the
 * application (Hibernate's queries, security, the search index, the actuator) is made meanwhile. Until
 * the start has ended, {@link KeptPagesValve} answers the current kept pages and holds every other
 * request. Used by {@code main} and by the tests that start the application as it does.
 */
public final class KeptPagesFirst {

    private static final Logger log = LoggerFactory.getLogger(KeptPagesFirst.class);

    private KeptPagesFirst() {
    }

    /** Spring Boot's contexts for a web application, each opening to kept pages early; the default for any other. */
    public static ApplicationContextFactory contexts() {
        return new ApplicationContextFactory() {
            @Override
            public ConfigurableApplicationContext create(WebApplicationType type) {
                if (type != WebApplicationType.SERVLET) {
                    return DEFAULT.create(type);
                }
                // as Spring Boot's own factory: the AOT-made bean definitions need no annotation processing
                return AotDetector.useGeneratedArtifacts() ? new Generated() : new Annotated();
            }

            @Override
            public Class<? extends ConfigurableEnvironment> getEnvironmentType(WebApplicationType type) {
                return DEFAULT.getEnvironmentType(type);
            }

            @Override
            public ConfigurableEnvironment createEnvironment(WebApplicationType type) {
                return DEFAULT.createEnvironment(type);
            }
        };
    }

    /** Called when {@code context} has made its web server, before it makes its remaining beans. */
    static void open(ServletWebServerApplicationContext context) {
        WebServer server = context.getWebServer();
        PageSnapshot snapshot = context.getBeanProvider(PageSnapshot.class).getIfAvailable();
        if (server == null || snapshot == null) {
            return;
        }
        // the kept pages are compared with the database as migrated, the content folder imported
        context.getBeanProvider(FlywayMigrationInitializer.class).ifAvailable(migrated -> {
        });
        int current = snapshot.takeBack();
        if (current > 0) {
            server.start();
            log.info("Answering {} pages kept at the last stop while the start goes on; other requests wait for its end", current);
        }
    }

    private static final class Annotated extends AnnotationConfigServletWebServerApplicationContext {
        @Override
        protected void onRefresh() {
            super.onRefresh();
            open(this);
        }
    }

    private static final class Generated extends ServletWebServerApplicationContext {
        @Override
        protected void onRefresh() {
            super.onRefresh();
            open(this);
        }
    }
}
