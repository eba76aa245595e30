package org.kzarchive.publishing;

import java.time.Instant;
import java.util.HexFormat;

import org.kzarchive.system.Sha256;

/**
 * One file of one revision of an edition, as readers get it.
 *
 * @param buildMillis how long it took to make, for the logs and the README's figures
 */
public record Download(DownloadFormat format, String language, String work, long version, Instant updatedAt,
                       byte[] bytes, String sha256, long buildMillis) {

    static Download of(DownloadFormat format, EditionRevision revision, byte[] bytes, long buildMillis) {
        return new Download(format, revision.language(), revision.work(), revision.version(), revision.updatedAt(), bytes,
                HexFormat.of().formatHex(Sha256.digest().digest(bytes)), buildMillis);
    }

    /** A strong validator: the same bytes always have the same tag. */
    public String etag() {
        return "\"" + sha256.substring(0, 32) + "\"";
    }

    public int size() {
        return bytes.length;
    }

    public String path() {
        return format.path(language, work);
    }
}
