package org.kzarchive.system;

import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * Which build of the application is running, from the {@code META-INF/build-info.properties} every
 * Maven build writes: what is derived from the code and kept on disk across restarts (downloads,
 * rendered pages, the workbench's start-up sync) is reused only by the build that made it. Without
 * that file (a run from an IDE, whose code may change between two starts) the identity is this
 * start's own, so nothing kept by an earlier start is taken for this code's.
 */
@Component
public class ApplicationBuild {

    private static final String UNKNOWN = "unknown@";

    private final String identity;

    @Autowired
    ApplicationBuild(ObjectProvider<BuildProperties> build) {
        this(Optional.ofNullable(build.getIfAvailable()).map(b -> b.getVersion() + "@" + b.getTime()).orElseGet(ApplicationBuild::thisStartOnly));
    }

    ApplicationBuild(String identity) {
        this.identity = identity;
    }

    private static String thisStartOnly() {
        return UNKNOWN + UUID.randomUUID();
    }

    /**
     * e.g. {@code 0.1.0-SNAPSHOT@2026-12-02T13:21:23.747Z}; without build information
     * {@code unknown@} and a random UUID, another at every start.
     */
    public String identity() {
        return identity;
    }

    /** Whether the build information was found: without it, nothing this start keeps is ever reused. */
    public boolean isKnown() {
        return !identity.startsWith(UNKNOWN);
    }
}
