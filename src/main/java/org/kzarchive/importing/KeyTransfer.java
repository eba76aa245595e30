package org.kzarchive.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kzarchive.importing.TranslationParser.KeySlot;

/**
 * Brings in a translation made block for block from the reference edition before the reference had
 * keys: gives each of its headings, blocks and events the key of the reference's block at the same
 * place, after verifying that the two files have the same structure (kinds, figure attributes,
 * timeline dates and targets, footnote labels, keys already written). Any difference stops it with
 * both places named; nothing is guessed. A one-off tool: once a translation has its keys, it is
 * edited like any other file.
 * <pre>./mvnw -q compile exec:java -Dexec.mainClass=org.kzarchive.importing.KeyTransfer \
 *   -Dexec.args="content/it/work.md translated.md content/en/work.md"</pre>
 */
public final class KeyTransfer {

    /** Front matter lines that belong to the work file, dropped from the translation. */
    private static final Set<String> WORK_KEYS = Set.of("author", "published", "original-url");

    private KeyTransfer() {
    }

    /** The structures differ: every difference found, with both places. */
    public static final class StructureMismatch extends RuntimeException {
        public StructureMismatch(List<String> differences) {
            super(String.join("\n", differences));
        }
    }

    /**
     * @param translatedFrom language code written as the translation's translated-from
     * @return the translation with the reference's keys and a front matter in the current format
     */
    public static String transfer(String referenceName, String reference, String translationName, String translation,
                                  String translatedFrom) {
        String text = FrontMatterFields.without(translation, WORK_KEYS);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("translated-from", translatedFrom);
        text = FrontMatterFields.apply(text, fields);
        TranslationParser parser = new TranslationParser();
        var ours = parser.slots(translationName, text);
        var theirs = parser.slots(referenceName, reference);
        List<String> differences = new ArrayList<>();
        List<KeySlot> a = theirs.slots();
        List<KeySlot> b = ours.slots();
        if (a.size() != b.size()) {
            differences.add(referenceName + " has " + a.size() + " keyed parts, " + translationName + " has " + b.size() + ".");
        }
        Map<KeySlot, String> keys = new IdentityHashMap<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            KeySlot r = a.get(i);
            KeySlot t = b.get(i);
            String where = referenceName + ":" + r.line() + " / " + translationName + ":" + t.line();
            if (r.key() == null) {
                differences.add(where + ": the reference has no key here; run the key-assigning command on it first.");
            }
            if (!r.kind().equals(t.kind())) {
                differences.add(where + ": a " + r.kind() + " faces a " + t.kind() + ".");
            } else if (!r.signature().equals(t.signature())) {
                differences.add(where + ": '" + r.signature() + "' faces '" + t.signature() + "'.");
            } else if (t.key() != null && !t.key().equals(r.key())) {
                differences.add(where + ": the translation's key '" + t.key() + "' faces '" + r.key() + "'.");
            }
            keys.put(t, r.key());
        }
        List<String> referenceLabels = theirs.parsed().footnotes().stream().map(ParsedTranslation.Footnote::label).toList();
        List<String> labels = ours.parsed().footnotes().stream().map(ParsedTranslation.Footnote::label).toList();
        if (!referenceLabels.equals(labels)) {
            differences.add(translationName + ": the notes " + labels + " face " + referenceLabels + " in " + referenceName + ".");
        }
        if (!differences.isEmpty()) {
            throw new StructureMismatch(differences);
        }
        String keyed = KeyAssignment.write(text, b, keys::get);
        parser.parse(translationName, keyed); // the result is a valid file
        return keyed;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 && args.length != 4) {
            System.err.println("Arguments: <keyed reference file> <translation without keys> <output file> [translated-from, default: the reference's language]");
            System.exit(2);
        }
        String reference = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        String translation = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        String from = args.length == 4 ? args[3] : new TranslationParser().parse(args[0], reference).metadata().language();
        try {
            String keyed = transfer(args[0], reference, args[1], translation, from);
            Path out = Path.of(args[2]);
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, keyed, StandardCharsets.UTF_8);
            System.out.println(args[2] + ": written with the keys of " + args[0] + ".");
        } catch (StructureMismatch | InvalidContentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
