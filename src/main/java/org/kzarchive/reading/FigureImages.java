package org.kzarchive.reading;

import java.nio.file.Files;
import java.nio.file.Path;

import org.kzarchive.system.ArchiveProperties;

import org.springframework.stereotype.Component;

/**
 * Image files for figures, looked up in content/&lt;language&gt;/images/ then content/images/.
 * A figure shows an image only when its file is really there.
 */
@Component("figureImages")
public class FigureImages {

    private final Path contentDir;

    FigureImages(ArchiveProperties properties) {
        this.contentDir = properties.contentDir();
    }

    /** The address the image is served from, under /media/, or null when there is no such file. */
    public String path(String language, String image) {
        Path found = image == null ? null : find(language, image);
        return found == null ? null : "/media/" + contentDir.relativize(found).toString().replace('\\', '/');
    }

    private Path find(String language, String image) {
        for (Path candidate : new Path[] {contentDir.resolve(language).resolve("images").resolve(image),
                contentDir.resolve("images").resolve(image)}) {
            if (candidate.normalize().startsWith(contentDir.normalize()) && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
