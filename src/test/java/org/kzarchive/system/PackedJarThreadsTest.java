package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class PackedJarThreadsTest {

    private static MockEnvironment withVirtualThreads(String enabled) {
        return new MockEnvironment().withProperty(PackedJarThreads.VIRTUAL_THREADS, enabled);
    }

    private static void postProcess(MockEnvironment environment, String codeLocation) {
        postProcess(environment, codeLocation, false);
    }

    private static void postProcess(MockEnvironment environment, String codeLocation, boolean aotMode) {
        new PackedJarThreads(LogFactory.getLog(PackedJarThreads.class), Optional.of(codeLocation), aotMode)
                .postProcessEnvironment(environment, new SpringApplication());
    }

    @Test
    void theApplicationRunFromThePackedJarAnswersOnPlatformThreadsAndSaysWhy(CapturedOutput output) {
        MockEnvironment environment = withVirtualThreads("true");

        postProcess(environment, "jar:nested:/srv/archive/app.jar/!BOOT-INF/classes/!/");

        assertThat(environment.getProperty(PackedJarThreads.VIRTUAL_THREADS, Boolean.class)).isFalse();
        assertThat(output).contains("Running from the packed jar: requests run on platform threads")
                .contains("extract");
    }

    @Test
    void theExtractedJarAndTheBuildsClassesKeepVirtualThreads(CapturedOutput output) {
        for (String location : new String[] {"file:/srv/archive/app/kazakistan-archive.jar", "file:/work/target/classes/"}) {
            MockEnvironment environment = withVirtualThreads("true");

            postProcess(environment, location);

            assertThat(environment.getProperty(PackedJarThreads.VIRTUAL_THREADS, Boolean.class)).as(location).isTrue();
        }
        assertThat(output).doesNotContain("packed jar");
    }

    @Test
    void platformThreadsChosenInTheConfigurationStaySoWithoutAWarning(CapturedOutput output) {
        MockEnvironment environment = withVirtualThreads("false");

        postProcess(environment, "jar:nested:/srv/archive/app.jar/!BOOT-INF/classes/!/");

        assertThat(environment.getProperty(PackedJarThreads.VIRTUAL_THREADS, Boolean.class)).isFalse();
        assertThat(output).doesNotContain("packed jar");
    }

    @Test
    void inSpringsAotModeThePackedJarIsRefusedWithWhatToDoInstead() {
        MockEnvironment environment = withVirtualThreads("true");

        assertThatThrownBy(() -> postProcess(environment, "jar:nested:/srv/archive/app.jar/!BOOT-INF/classes/!/", true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AOT mode").hasMessageContaining("extract").hasMessageContaining("without AOT mode");
    }

    @Test
    void inSpringsAotModeTheExtractedJarStartsWithVirtualThreads() {
        MockEnvironment environment = withVirtualThreads("true");

        postProcess(environment, "file:/srv/archive/app/kazakistan-archive.jar", true);

        assertThat(environment.getProperty(PackedJarThreads.VIRTUAL_THREADS, Boolean.class)).isTrue();
    }
}
