package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanedPostgresTest {

    @TempDir
    Path dataDir;

    @Test
    void aServerLeftRunningByAKilledRunIsStoppedSoTheNextStartSucceeds() throws Exception {
        EmbeddedPostgres leftOver = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
        long pid = Long.parseLong(java.nio.file.Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        try {
            OrphanedPostgres.stopIfRunning(dataDir);
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("the left-over server has stopped").isEmpty();
        } finally {
            leftOver.close();
        }
        try (EmbeddedPostgres again = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start()) {
            assertThat(again.getPostgresDatabase().getConnection().isValid(2)).isTrue();
        }
    }

    @Test
    void aStalePidFileIsLeftToPostgres() throws Exception {
        java.nio.file.Files.writeString(dataDir.resolve("postmaster.pid"), "999999999\n" + dataDir + "\n");
        OrphanedPostgres.stopIfRunning(dataDir);
        assertThat(dataDir.resolve("postmaster.pid")).exists();
    }
}
