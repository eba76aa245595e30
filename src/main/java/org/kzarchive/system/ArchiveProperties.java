package org.kzarchive.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the archive reads its texts from and writes everything it keeps.
 *
 * @param dataDir    everything the application writes: embedded database files, search index,
 *                   page cache, downloads
 * @param contentDir the Markdown translations imported at start-up
 */
@ConfigurationProperties("archive")
public record ArchiveProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("./content") Path contentDir) {

    public Path databaseDir() {
        return dataDir.resolve("postgres");
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    public Path downloadsDir() {
        return dataDir.resolve("downloads");
    }
}
