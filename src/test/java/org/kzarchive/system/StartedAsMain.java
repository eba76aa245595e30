package org.kzarchive.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.kzarchive.ArchiveApplication;

import org.springframework.aot.AotDetector;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started as {@code main} starts it (kept pages answered while the start goes on), on
 * a free port, with its embedded database in {@code dataDir}: what a restart finds is what the last
 * start there left.
 */
final class StartedAsMain {

    private StartedAsMain() {
    }

    /** With {@code beans} made while the start goes on. */
    static ConfigurableApplicationContext start(Path dataDir, Class<?>[] beans, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--archive.data-dir=" + dataDir));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(ArchiveApplication.class).sources(beans)
                .main(ArchiveApplication.class) // names the AOT mode's initializer (the caller is the test runner)
                .contextFactory(KeptPagesFirst.contexts())
                .properties("spring.main.banner-mode=off")
                // command-line arguments outrank the test run's system property for the data directory
                .run(arguments.toArray(String[]::new));
    }

    /** From the bean definitions the build made ahead of time, as the production command starts it. */
    static ConfigurableApplicationContext startInAotMode(Path dataDir, String... more) {
        System.setProperty(AotDetector.AOT_ENABLED, "true");
        try {
            return start(dataDir, new Class<?>[0], more);
        } finally {
            System.clearProperty(AotDetector.AOT_ENABLED);
        }
    }
}
