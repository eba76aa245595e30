package org.kzarchive.system;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * Which build of the application is running, from the {@code META-INF/build-info.properties} every
 * Maven build writes: what is derived from the code and kept on disk across restarts (downloads,
 * rendered pages) is reused only by the build that made it.
 */
@Component
public class ApplicationBuild {

    private static final String UNKNOWN = "unknown";

    private final String identity;

    @Autowired
    ApplicationBuild(ObjectProvider<BuildProperties> build) {
        this(Optional.ofNullable(build.getIfAvailable()).map(b -> b.getVersion() + "@" + b.getTime()).orElse(UNKNOWN));
    }

    ApplicationBuild(String identity) {
        this.identity = identity;
    }

    /** e.g. {@code 0.1.0-SNAPSHOT@2026-12-02T13:21:23.747Z}; "unknown" without build information. */
    public String identity() {
        return identity;
    }

    /** Whether the build information was found: without it, a changed build cannot be told from the last one. */
    public boolean isKnown() {
        return !identity.equals(UNKNOWN);
    }
}
