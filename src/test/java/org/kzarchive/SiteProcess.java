package org.kzarchive;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The site started in a JVM of its own, as an operator runs it, for tests that need what one test
 * context cannot give: a heap of a given size, a process to kill, a restart on the same data.
 */
public final class SiteProcess {

    private SiteProcess() {
    }

    /**
     * Starts the application on the tests' class path with the JVM options given and the data in
     * {@code dataDir}; its output is appended to {@code site.log} there.
     */
    public static Process start(Path dataDir, List<String> jvmOptions, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ArchiveApplication.class.getName(),
                "--archive.data-dir=" + dataDir, "--spring.main.banner-mode=off"));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("site.log").toFile())).start();
    }

    /** A TCP port free on this machine at the moment of asking. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
