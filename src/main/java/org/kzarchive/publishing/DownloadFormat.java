package org.kzarchive.publishing;

import org.springframework.http.MediaType;

/** The files a reader can take away of every published edition, each at /{lang}/{work}.{extension}. */
public enum DownloadFormat {
    EPUB("epub", "application/epub+zip"),
    PDF("pdf", "application/pdf"),
    BOOKLET("booklet.pdf", "application/pdf"),
    MARKDOWN("md", "text/markdown;charset=UTF-8");

    private final String extension;
    private final MediaType mediaType;

    DownloadFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = MediaType.parseMediaType(mediaType);
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** e.g. /it/kazakistan-dopo-la-rivolta.booklet.pdf */
    public String path(String language, String work) {
        return "/" + language + "/" + work + "." + extension;
    }

    /** The name a reader's computer saves it under, e.g. kazakistan-dopo-la-rivolta.it.epub */
    public String fileName(String language, String work) {
        return work + "." + language + "." + extension;
    }

    /** The key of its name in the message bundles. */
    public String messageKey() {
        return "downloads.format." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
