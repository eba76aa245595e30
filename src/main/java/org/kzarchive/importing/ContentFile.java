package org.kzarchive.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One translation file of the content folder.
 *
 * @param name     path relative to the content folder's parent, as people see it: content/it/x.md
 * @param language the language folder it lives in
 * @param slug     the file name without .md: the work's slug
 */
public record ContentFile(String name, String language, String slug, String text) {

    public String hash() {
        return sha256(text);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
