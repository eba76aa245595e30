package org.kzarchive.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.kzarchive.importing.TranslationParser.KeySlot;

/**
 * The documented command that gives every heading, block, figure, editorial note and timeline event
 * of a content file its key, once, written into the file:
 * {@code ./mvnw -q compile exec:java@assign-keys -Dfile=content/it/kazakistan-dopo-la-rivolta.md}.
 * Keys already written are kept; a block without key gets the id readers' links used so far
 * (section key and position) when it is free. Running it again changes nothing.
 */
public final class KeyAssignment {

    private KeyAssignment() {
    }

    /** The text with a key for everything that had none; the same text when nothing lacked one. */
    public static String assign(String file, String markdown) {
        TranslationParser parser = new TranslationParser();
        String keyed = write(markdown, parser.slots(file, markdown).slots(), KeySlot::suggested);
        parser.parse(file, keyed); // every other rule holds too, or nothing is written
        return keyed;
    }

    /** Writes {@code keyOf(slot)} into the text for every slot that has no key yet. */
    static String write(String markdown, List<KeySlot> slots, Function<KeySlot, String> keyOf) {
        boolean bom = markdown.startsWith("\uFEFF");
        List<String> lines = new ArrayList<>(List.of((bom ? markdown.substring(1) : markdown).split("\n", -1)));
        for (KeySlot slot : slots) {
            if (slot.key() != null) {
                continue;
            }
            String key = keyOf.apply(slot);
            int index = slot.line() - 1;
            String line = lines.get(index).stripTrailing();
            lines.set(index, slot.onFenceLine() ? line + " id=" + key : line + " {#" + key + "}");
        }
        return (bom ? "\uFEFF" : "") + String.join("\n", lines);
    }

    public static void main(String[] args) throws IOException {
        String name = args.length > 0 ? args[0] : System.getProperty("file");
        if (name == null || name.isBlank()) {
            System.err.println("Name the file: ./mvnw -q compile exec:java@assign-keys -Dfile=content/<language>/<work>.md");
            System.exit(2);
        }
        Path path = Path.of(name);
        String before = Files.readString(path, StandardCharsets.UTF_8);
        try {
            String after = assign(name, before);
            if (after.equals(before)) {
                System.out.println(name + ": every heading, block and event already has its key; nothing changed.");
            } else {
                Files.writeString(path, after, StandardCharsets.UTF_8);
                long added = after.lines().count() == before.lines().count()
                        ? countDifferentLines(before, after) : -1;
                System.out.println(name + ": keys written on " + added + " lines.");
            }
        } catch (InvalidContentException e) {
            e.problems().forEach(p -> System.err.println(p));
            System.exit(1);
        }
    }

    private static long countDifferentLines(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        long n = 0;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                n++;
            }
        }
        return n;
    }
}
