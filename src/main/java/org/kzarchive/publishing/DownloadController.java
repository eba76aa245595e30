package org.kzarchive.publishing;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.kzarchive.reading.PageNotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;

/** EPUB, PDF, booklet and Markdown source of every published edition, answered with ETag and 304. */
@Controller
class DownloadController {

    private final Downloads downloads;

    DownloadController(Downloads downloads) {
        this.downloads = downloads;
    }

    @GetMapping("/{lang:[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*}/{work:[a-z0-9]+(?:-[a-z0-9]+)*}.{extension:epub|pdf|booklet\\.pdf|md}")
    ResponseEntity<byte[]> download(@PathVariable String lang, @PathVariable String work, @PathVariable String extension,
                                    ServletWebRequest request) {
        DownloadFormat format = Arrays.stream(DownloadFormat.values()).filter(f -> f.extension().equals(extension)).findFirst()
                .orElseThrow();
        Download download = downloads.published(lang, work, format)
                .orElseThrow(() -> new PageNotFoundException("No published translation " + lang + "/" + work));
        if (request.checkNotModified(download.etag(), download.updatedAt().toEpochMilli())) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .contentLength(download.size())
                .cacheControl(CacheControl.noCache().cachePublic())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(format.fileName(lang, work)).build().toString())
                // RFC 9530: the checksum the edition's page shows, for tools that verify what they fetched
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(download.sha256())) + ":")
                .body(download.bytes());
    }
}
