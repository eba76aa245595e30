package org.kzarchive.editing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.web.multipart.MultipartFile;

/**
 * The Markdown an editor sent: an uploaded .md file when there is one, otherwise the pasted text.
 * Checked for size and encoding; line ends made Unix-style, as in content/.
 */
final class SubmittedMarkdown {

    static final int MAX_BYTES = 1024 * 1024;

    /** @param text the Markdown, or null when the upload cannot be used; @param fromUpload the file's name */
    record Result(String text, String fromUpload, List<ProblemView> problems) {
    }

    private SubmittedMarkdown() {
    }

    static Result read(String pasted, MultipartFile upload) {
        List<ProblemView> problems = new ArrayList<>();
        if (upload != null && !upload.isEmpty()) {
            String name = upload.getOriginalFilename() == null ? "the file" : upload.getOriginalFilename();
            if (!name.toLowerCase(Locale.ROOT).endsWith(".md")) {
                problems.add(ProblemView.general("The file '" + name + "' is not a Markdown file.",
                        "Upload a text file with the extension .md, written as described in content/README.md."));
            } else if (upload.getSize() > MAX_BYTES) {
                problems.add(ProblemView.general("The file '" + name + "' is too large (" + kilobytes(upload.getSize()) + ").",
                        "The limit is 1 MB. A translation of this text is about 100 KB: check that you chose the right file."));
            } else {
                try {
                    String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(upload.getBytes())).toString();
                    if (text.indexOf('\0') >= 0) {
                        throw new CharacterCodingException();
                    }
                    return new Result(normalized(text), name, problems);
                } catch (CharacterCodingException e) {
                    problems.add(ProblemView.general("The file '" + name + "' is not UTF-8 text.",
                            "Save it with the encoding UTF-8 (in most editors: Save as… → Encoding: UTF-8) and upload it again."));
                } catch (IOException e) {
                    problems.add(ProblemView.general("The file '" + name + "' could not be read.", "Upload it again."));
                }
            }
            return new Result(null, name, problems);
        }
        String text = pasted == null ? "" : pasted;
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(ProblemView.general("The text is too large (" + kilobytes(text.getBytes(StandardCharsets.UTF_8).length) + ").",
                    "The limit is 1 MB. Check that you pasted only this translation."));
            return new Result(null, null, problems);
        }
        return new Result(normalized(text), null, problems);
    }

    /** Without byte order mark, with \n line ends (browsers send a text area's lines with \r\n). */
    static String normalized(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String kilobytes(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024)) : (bytes / 1024) + " KB";
    }
}
