package org.kzarchive.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.kzarchive.ArchiveApplication;

import org.springframework.aot.AotDetector;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigUtils;

/** One running instance of the site, as an operator starts it: its own data directory, a shared PostgreSQL. */
final class ArchiveInstance implements AutoCloseable {

    static final String ADMIN_PASSWORD = "instances share one database";

    private final ConfigurableApplicationContext context;

    private ArchiveInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static ArchiveInstance start(Path dataDir, String jdbcUrl, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--archive.data-dir=" + dataDir,
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--archive.admin.user=admin", "--archive.admin.password=" + ADMIN_PASSWORD,
                "--spring.jpa.properties.hibernate.generate_statistics=false"));
        arguments.addAll(List.of(more));
        return new ArchiveInstance(new SpringApplicationBuilder(ArchiveApplication.class)
                .main(ArchiveApplication.class) // names the AOT mode's initializer (the caller is the test runner)
                .properties("spring.main.banner-mode=off")
                // command-line arguments outrank the test run's system property for the data directory
                .run(arguments.toArray(String[]::new)));
    }

    /**
     * Started as the README's production command starts the jar: from the bean definitions the build
     * made ahead of time (Spring's AOT mode), with no condition evaluated at start.
     */
    static ArchiveInstance startInAotMode(Path dataDir, String jdbcUrl, String... more) {
        System.setProperty(AotDetector.AOT_ENABLED, "true");
        try {
            return start(dataDir, jdbcUrl, more);
        } finally {
            System.clearProperty(AotDetector.AOT_ENABLED);
        }
    }

    /** Whether the context was made from the build's bean definitions: it then reads no configuration classes. */
    boolean inAotMode() {
        return !context.containsBean(AnnotationConfigUtils.CONFIGURATION_ANNOTATION_PROCESSOR_BEAN_NAME);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String base() {
        return "http://localhost:" + port();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
