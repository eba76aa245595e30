package org.kzarchive.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kzarchive.archive.Languages;
import org.kzarchive.archive.WorkFacts;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads and checks a work file, content/works/&lt;work&gt;.yml (content/README.md §1). */
final class WorkFileReader {

    private static final Set<String> KEYS = Set.of("reference", "first-language", "author", "published", "original-url");

    private WorkFileReader() {
    }

    static WorkFacts read(String file, String slug, String text, List<ContentProblem> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            if (loaded instanceof Map<?, ?> map) {
                map.forEach((k, v) -> values.put(String.valueOf(k), v));
            } else {
                problems.add(new ContentProblem(file, 1, "The work file is not a list of 'key: value' lines.",
                        "Write one 'key: value' per line, for example 'reference: it'."));
                return null;
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problems.add(new ContentProblem(file, line, "The work file is not valid YAML (" + e.getProblem() + ").",
                    "Write one 'key: value' per line; put a value containing ': ' in double quotes."));
            return null;
        } catch (YAMLException e) {
            problems.add(new ContentProblem(file, 1, "The work file is not valid YAML.", "Write one 'key: value' per line."));
            return null;
        }
        List<String> lines = text.lines().toList();
        for (String key : values.keySet()) {
            if (!KEYS.contains(key)) {
                problems.add(new ContentProblem(file, lineOf(key, lines), "Unknown key '" + key + "' in the work file.",
                        "Use only: " + String.join(", ", KEYS.stream().sorted().toList()) + "."));
            }
        }
        String reference = FrontMatterReader.text(values, "reference");
        String first = FrontMatterReader.text(values, "first-language");
        String published = FrontMatterReader.text(values, "published");
        String url = FrontMatterReader.text(values, "original-url");
        if (reference == null || !Languages.isKnown(reference)) {
            problems.add(new ContentProblem(file, lineOf("reference", lines),
                    reference == null ? "The work file does not name the reference edition." : "Unknown language code '" + reference + "'.",
                    "Write 'reference: <language code>' for the edition every other edition aligns with, e.g. 'reference: it'."));
        }
        if (first != null && !Languages.isKnown(first)) {
            problems.add(new ContentProblem(file, lineOf("first-language", lines), "Unknown language code '" + first + "'.",
                    "Write the code of the language the work first appeared in, e.g. 'first-language: en'."));
        }
        if (published != null && !FrontMatterReader.PARTIAL_DATE.matcher(published).matches()) {
            problems.add(new ContentProblem(file, lineOf("published", lines), "The date '" + published + "' is not a date.",
                    "Write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2022-01-12."));
        }
        if (url != null && !url.matches("https?://\\S+")) {
            problems.add(new ContentProblem(file, lineOf("original-url", lines), "The address '" + url + "' is not a web address.",
                    "Write a full address starting with https://, or leave the line out when no address can be sourced."));
        }
        return new WorkFacts(slug, reference, first, FrontMatterReader.text(values, "author"), published, url);
    }

    private static int lineOf(String key, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 1;
    }
}
