package org.kzarchive.system;

import java.net.URL;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Requests run on platform threads when the application runs from the packed jar ({@code java -jar}
 * on the jar Maven builds), and on virtual threads otherwise (the extracted jar, {@code
 * spring-boot:run}, tests). The packed jar's classes are read by Spring Boot's nested-jar loader,
 * which holds a lock of its own while it waits for another: a virtual thread can be unmounted
 * holding it while every carrier thread is pinned, loading a class, waiting for that lock, and the
 * application then stops answering for good (seen here in the soak's first seconds, when readers
 * arrive while classes are still being loaded; spring-boot issues 51379 and 51463). The JDK's own
 * class loader, which reads the extracted jar, has no such lock that every class load of the jar
 * takes, and the hang has not been seen with it. In Spring's AOT mode the threads were chosen when
 * the jar was built and cannot be changed at start: there the packed jar is refused.
 */
public class PackedJarThreads implements EnvironmentPostProcessor, Ordered {

    static final String VIRTUAL_THREADS = "spring.threads.virtual.enabled";
    private static final String NESTED_JAR = "jar:nested:";

    private final Log log;
    private final Optional<String> codeLocation;
    private final boolean aotMode;

    public PackedJarThreads(DeferredLogFactory logs) {
        this(logs.getLog(PackedJarThreads.class),
                Optional.ofNullable(PackedJarThreads.class.getProtectionDomain().getCodeSource())
                        .map(CodeSource::getLocation).map(URL::toString),
                AotDetector.useGeneratedArtifacts());
    }

    /**
     * {@code codeLocation}: where this class was read from, e.g. {@code jar:nested:/srv/app.jar/!BOOT-INF/classes/!/};
     * {@code aotMode}: whether the application runs from the bean definitions made at build time.
     */
    PackedJarThreads(Log log, Optional<String> codeLocation, boolean aotMode) {
        this.log = log;
        this.codeLocation = codeLocation;
        this.aotMode = aotMode;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean packed = codeLocation.filter(l -> l.startsWith(NESTED_JAR)).isPresent();
        if (packed && environment.getProperty(VIRTUAL_THREADS, Boolean.class, false)) {
            if (aotMode) {
                throw new IllegalStateException("Spring's AOT mode (spring.aot.enabled) cannot run the packed jar: its "
                        + "requests would run on virtual threads, chosen when the jar was built, and Spring Boot's nested-jar "
                        + "class loader can leave them waiting for each other for good. Extract the jar (java "
                        + "-Djarmode=tools -jar <jar> extract) and run the extracted one, or start without AOT mode.");
            }
            environment.getPropertySources().addFirst(new MapPropertySource("packed-jar-threads", Map.of(VIRTUAL_THREADS, "false")));
            log.warn("Running from the packed jar: requests run on platform threads, because Spring Boot's nested-jar "
                    + "class loader can leave virtual threads waiting for each other for good. Extract the jar "
                    + "(java -Djarmode=tools -jar <jar> extract) and run the extracted one for virtual threads.");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files have been read
    }
}
