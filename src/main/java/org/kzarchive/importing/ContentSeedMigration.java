package org.kzarchive.importing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.kzarchive.system.ArchiveProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * A repeatable Flyway migration that imports the content folder. Its checksum is the folder's
 * fingerprint, so Flyway runs it again exactly when a content file changes.
 */
@Component
class ContentSeedMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(ContentSeedMigration.class);

    private final ContentFolder folder;
    private final ContentImport contentImport;
    private Integer checksum; // Flyway asks several times per start; the folder does not change meanwhile

    ContentSeedMigration(ArchiveProperties properties, ContentImport contentImport) {
        this.folder = new ContentFolder(properties.contentDir());
        this.contentImport = contentImport;
    }

    @Override
    public MigrationVersion getVersion() {
        return null; // repeatable
    }

    @Override
    public String getDescription() {
        return "import content folder";
    }

    @Override
    public Integer getChecksum() {
        if (checksum == null) {
            checksum = folder.fingerprint();
        }
        return checksum;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        Path root = folder.root().toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            log.warn("Content folder {} does not exist: nothing imported from it; set archive.content-dir (ARCHIVE_CONTENT_DIR) "
                    + "to the folder of the Markdown translations", root);
        }
        var jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        var outcome = contentImport.importAll(folder, new TranslationWriter(jdbc));
        log.info("Content folder {}: {} translations imported, {} unchanged, {} kept as edited on the site",
                root, outcome.imported(), outcome.unchanged(), outcome.keptEditorVersion());
    }
}
