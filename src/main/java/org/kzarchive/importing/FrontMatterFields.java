package org.kzarchive.importing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Writes values an editor typed in the form into a translation's front matter, so that the stored
 * Markdown stays one complete file in the format of content/README.md. A value replaces the key's
 * line (or is added before the closing {@code ---}); a blank value leaves the front matter as it is.
 * Text without front matter gets one. A front matter that is never closed is left for the parser
 * to report.
 */
public final class FrontMatterFields {

    private static final String FENCE = "---";

    private FrontMatterFields() {
    }

    /** @param values front matter keys to their values, in the order new lines are written */
    public static String apply(String markdown, Map<String, String> values) {
        List<String> lines = new ArrayList<>(List.of(markdown.split("\n", -1)));
        boolean opens = !lines.isEmpty() && lines.get(0).strip().equals(FENCE);
        int end = -1;
        for (int i = 1; opens && i < lines.size(); i++) {
            if (lines.get(i).strip().equals(FENCE)) {
                end = i;
                break;
            }
        }
        if (opens && end < 0) {
            return markdown;
        }
        if (!opens) {
            List<String> front = new ArrayList<>();
            values.forEach((key, value) -> {
                if (!isBlank(value)) {
                    front.add(line(key, value));
                }
            });
            if (front.isEmpty()) {
                return markdown;
            }
            StringBuilder text = new StringBuilder(FENCE).append('\n');
            front.forEach(l -> text.append(l).append('\n'));
            text.append(FENCE).append('\n');
            if (!markdown.isBlank()) {
                text.append('\n').append(markdown.stripLeading());
            }
            return text.toString();
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (isBlank(entry.getValue())) {
                continue;
            }
            String replacement = line(entry.getKey(), entry.getValue());
            int at = -1;
            for (int i = 1; i < end; i++) {
                if (lines.get(i).startsWith(entry.getKey() + ":")) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                lines.add(end, replacement);
                end++;
            } else {
                lines.set(at, replacement);
                // a value folded over several indented lines is replaced whole
                while (at + 1 < end && !lines.get(at + 1).isEmpty() && Character.isWhitespace(lines.get(at + 1).charAt(0))) {
                    lines.remove(at + 1);
                    end--;
                }
            }
        }
        return String.join("\n", lines);
    }

    /**
     * The text without these front matter keys: a translation used as the template of another
     * keeps what belongs to the work (author, date, original address) and loses its own title,
     * language and credits.
     */
    public static String without(String markdown, Collection<String> keys) {
        List<String> lines = new ArrayList<>(List.of(markdown.split("\n", -1)));
        if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
            return markdown;
        }
        int i = 1;
        while (i < lines.size() && !lines.get(i).strip().equals(FENCE)) {
            String line = lines.get(i);
            if (keys.stream().anyMatch(key -> line.startsWith(key + ":"))) {
                lines.remove(i);
                while (i < lines.size() && !lines.get(i).isEmpty() && Character.isWhitespace(lines.get(i).charAt(0))) {
                    lines.remove(i);
                }
            } else {
                i++;
            }
        }
        return i < lines.size() ? String.join("\n", lines) : markdown;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** {@code key: value}, the value quoted only when YAML would otherwise read it differently. */
    static String line(String key, String value) {
        String single = value.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return key + ": " + (readsBackAs(single) ? single : quoted(single));
    }

    private static boolean readsBackAs(String value) {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load("k: " + value);
            return loaded instanceof Map<?, ?> map && map.size() == 1 && value.equals(map.get("k"));
        } catch (YAMLException e) {
            return false;
        }
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
