package org.kzarchive.workbench;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kzarchive.importing.TranslationParser;

/**
 * Checks one passage's inline Markdown before it is saved: links, emphasis, note references and
 * what the passage's kind allows. Returns what is wrong and how to fix it, or null.
 */
final class InlineMarkdownCheck {

    static final int MAX_LENGTH = 20_000;
    private static final Pattern LINK = Pattern.compile("]\\(([^)\\s]*)(\\s+\"[^\"]*\")?\\)");
    private static final Pattern SAFE_TARGET = Pattern.compile("(https?://|mailto:|/|#)\\S*");
    private static final Pattern KEY_MARK = Pattern.compile("\\{#[^}]*}\\s*$");

    private InlineMarkdownCheck() {
    }

    /** @param notes the labels of the notes a passage may cite */
    static String problem(UnitKind kind, String text, Set<String> notes) {
        if (text.length() > MAX_LENGTH) {
            return "The passage is " + text.length() + " characters long; the limit is " + MAX_LENGTH + ". Split it in the reference first.";
        }
        if (kind.isShort() && text.strip().contains("\n")) {
            return "A " + kind.name().toLowerCase() + " is one line: remove the line breaks.";
        }
        if (text.contains("\n\n") || text.contains("\n \n")) {
            return "A blank line would start a new passage. Remove it, or ask an editor to split the passage in the reference.";
        }
        if (KEY_MARK.matcher(text).find()) {
            return "Leave out the {#key}: the workbench writes each passage's key itself.";
        }
        if (kind == UnitKind.TIMELINE && text.contains("|")) {
            return "A timeline label cannot contain '|'. Use '/' or a comma.";
        }
        String withoutCode = text.replaceAll("`[^`]*`", "");
        String unbalanced = balance(withoutCode);
        if (unbalanced != null) {
            return unbalanced;
        }
        Matcher link = LINK.matcher(withoutCode);
        while (link.find()) {
            String target = link.group(1);
            if (target.isEmpty() || !SAFE_TARGET.matcher(target).matches()) {
                return "The link target '" + target + "' is not an address: write [text](https://…), [text](/…) or [text](#key).";
            }
        }
        Matcher ref = TranslationParser.FOOTNOTE_REFERENCE.matcher(withoutCode);
        while (ref.find()) {
            if (kind == UnitKind.NOTE || kind.isShort()) {
                return "A " + kind.name().toLowerCase() + " cannot cite a note ([^" + ref.group(1) + "]).";
            }
            if (!notes.contains(ref.group(1))) {
                return "The note [^" + ref.group(1) + "] does not exist. Cite one of the reference's notes: "
                        + String.join(", ", notes.stream().sorted().map(n -> "[^" + n + "]").toList()) + ".";
            }
        }
        return null;
    }

    private static String balance(String text) {
        String noStrong = text.replace("**", "");
        if ((text.length() - noStrong.length()) / 2 % 2 != 0) {
            return "A '**' for bold is not closed: write **bold words**.";
        }
        long stars = noStrong.chars().filter(c -> c == '*').count();
        if (stars % 2 != 0) {
            return "A '*' for italics is not closed: write *italic words* (or \\* for a star).";
        }
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth < 0) {
                    return "A ']' has no '[' before it: a link is [text](address).";
                }
            }
        }
        return depth != 0 ? "A '[' is not closed: a link is [text](address), a note [^1]." : null;
    }
}
