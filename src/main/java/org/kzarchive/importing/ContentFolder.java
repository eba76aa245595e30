package org.kzarchive.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.kzarchive.system.Sha256;

/**
 * The content folder: {@code <language>/<work-slug>.md} files, plus images. Its fingerprint
 * changes whenever any file in it changes, which is what makes Flyway import it again.
 */
public class ContentFolder {

    /** The folder of work files, beside the language folders. */
    public static final String WORKS = "works";

    private final Path root;

    public ContentFolder(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Every translation file, in a stable order. Unreadable or non-UTF-8 files are reported as problems. */
    public List<ContentFile> translations(List<ContentProblem> problems) {
        List<ContentFile> files = new ArrayList<>();
        for (Path path : allFiles()) {
            Path relative = root.relativize(path);
            String fileName = path.getFileName().toString();
            if (relative.getNameCount() != 2 || !fileName.endsWith(".md") || relative.getName(0).toString().equals(WORKS)) {
                continue;
            }
            String name = displayName(relative);
            String language = relative.getName(0).toString();
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
                files.add(new ContentFile(name, language, fileName.substring(0, fileName.length() - 3), text));
            } catch (CharacterCodingException e) {
                problems.add(new ContentProblem(name, 1, "The file is not UTF-8 text.", "Save it with UTF-8 encoding."));
            } catch (IOException e) {
                problems.add(new ContentProblem(name, 1, "The file cannot be read (" + e.getMessage() + ").",
                        "Check that it exists and is readable."));
            }
        }
        return files;
    }

    /** A work file, content/works/&lt;work&gt;.yml. */
    public record WorkFile(String name, String slug, String text) {
    }

    /** Every work file, in a stable order. */
    public List<WorkFile> works(List<ContentProblem> problems) {
        List<WorkFile> files = new ArrayList<>();
        for (Path path : allFiles()) {
            Path relative = root.relativize(path);
            String fileName = path.getFileName().toString();
            if (relative.getNameCount() != 2 || !relative.getName(0).toString().equals(WORKS) || !fileName.endsWith(".yml")) {
                continue;
            }
            String name = displayName(relative);
            try {
                files.add(new WorkFile(name, fileName.substring(0, fileName.length() - 4), Files.readString(path, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                problems.add(new ContentProblem(name, 1, "The file cannot be read as UTF-8 text (" + e.getMessage() + ").",
                        "Check that it is readable and saved with UTF-8 encoding."));
            }
        }
        return files;
    }

    /** A checksum over every file's name and bytes. */
    public int fingerprint() {
        try {
            MessageDigest digest = Sha256.digest();
            for (Path path : allFiles()) {
                digest.update(root.relativize(path).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(path));
            }
            return ByteBuffer.wrap(digest.digest()).getInt();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the content folder " + root.toAbsolutePath(), e);
        }
    }

    private List<Path> allFiles() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the content folder " + root.toAbsolutePath(), e);
        }
    }

    private String displayName(Path relative) {
        Path base = root.toAbsolutePath().normalize().getFileName();
        return (base == null ? "" : base + "/") + relative.toString().replace('\\', '/');
    }
}
