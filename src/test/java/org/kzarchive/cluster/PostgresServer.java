package org.kzarchive.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.kzarchive.SiteProcess;

/**
 * A PostgreSQL 15 server of its own, run from the Debian binaries as the {@code postgres} user, for
 * tests that stop, kill or replicate the database under a running site. Its files live in a
 * temporary directory, removed by {@link #close()}.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path home;
    private final Path data;
    private final int port;

    private PostgresServer(Path home, Path data, int port) {
        this.home = home;
        this.data = data;
        this.port = port;
    }

    /** Whether the binaries are installed (the tests that need them are skipped otherwise). */
    public static boolean available() {
        return Files.isExecutable(BIN.resolve("pg_ctl"));
    }

    /** A new, empty server (initdb), started. */
    public static PostgresServer started() throws Exception {
        PostgresServer server = created();
        run(List.of(BIN.resolve("initdb").toString(), "-D", server.data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        server.start();
        return server;
    }

    /** A streaming replica of this server (pg_basebackup), started in hot-standby mode. */
    public PostgresServer streamingReplica() throws Exception {
        PostgresServer replica = created();
        run(List.of(BIN.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", "postgres", "-D", replica.data.toString(), "-R", "-X", "stream", "--no-sync"));
        replica.start();
        return replica;
    }

    private static PostgresServer created() throws IOException {
        Path home = Files.createTempDirectory(Path.of("/tmp"), "kzarchive-pg-");
        if (ROOT) {
            run(List.of("chown", "postgres:postgres", home.toString()));
        }
        return new PostgresServer(home, home.resolve("data"), SiteProcess.freePort());
    }

    public void start() throws Exception {
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c max_connections=60 -c wal_level=replica -c hot_standby=on",
                "start"));
    }

    /** Stops as an administrator would (fast: open connections are ended). */
    public void stop() throws Exception {
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    /** Runs one of the PostgreSQL client programs (pg_dump, pg_restore, psql) against this server. */
    public static void runTool(String tool, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(BIN.resolve(tool).toString()));
        command.addAll(List.of(arguments));
        run(command);
    }

    /** A directory the {@code postgres} user may write to (for dumps). */
    public Path scratch() {
        return home;
    }

    @Override
    public void close() throws Exception {
        try {
            run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
        } catch (IOException | RuntimeException e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (ROOT && !command.get(0).equals("chown")) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
