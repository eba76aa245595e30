package org.kzarchive.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.system.ArchiveProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.annotation.Transactional;

/** The content folder's import at start-up, as Flyway runs it, for the folder an operator configured. */
@ArchiveIntegrationTest
@Transactional // each test's writes are rolled back
@ExtendWith(OutputCaptureExtension.class)
class ContentSeedMigrationTest {

    @Autowired
    ContentImport contentImport;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dataDir;

    /** Runs the migration for {@code contentDir} on the test's own connection, so its writes are rolled back too. */
    private void migrate(Path contentDir) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        new ContentSeedMigration(new ArchiveProperties(dataDir, contentDir), contentImport).migrate(new Context() {
            @Override
            public Configuration getConfiguration() {
                return null; // the migration does not read it
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        });
    }

    private int translations() {
        return jdbc.queryForObject("select count(*) from translation", Integer.class);
    }

    @Test
    void aMissingFolderImportsNothingAndTellsTheOperatorWhichSettingNamesIt(CapturedOutput output) {
        int before = translations();
        Path missing = dataDir.resolve("no-such-folder");

        migrate(missing);

        assertThat(translations()).isEqualTo(before);
        assertThat(output.getOut()).contains("Content folder " + missing + " does not exist").contains("archive.content-dir")
                .contains("Content folder " + missing + ": 0 translations imported");
    }

    @Test
    void anExistingFolderIsNotReportedMissing(CapturedOutput output) throws Exception {
        Path content = Files.createDirectories(dataDir.resolve("content"));
        int start = output.getOut().length();

        migrate(content);

        assertThat(output.getOut().substring(start)).doesNotContain("does not exist");
    }
}
