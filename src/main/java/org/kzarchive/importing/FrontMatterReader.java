package org.kzarchive.importing;

import org.kzarchive.archive.TranslationMetadata;
import org.kzarchive.archive.Languages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads and checks the YAML front matter between the first two {@code ---} lines. */
final class FrontMatterReader {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");
    private static final Set<String> KEYS = Set.of("work", "language", "title", "subtitle", "translator", "source",
            "translated-from");
    /** Facts of the work, not of one translation: they live in the work file. */
    private static final Set<String> WORK_KEYS = Set.of("author", "published", "original-url", "reference", "first-language");

    record Result(TranslationMetadata metadata, int bodyStart) {
    }

    private final String file;
    private final List<ContentProblem> problems;

    FrontMatterReader(String file, List<ContentProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** @return the metadata (null when unusable) and the index of the first body line */
    Result read(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            problem(1, "The file does not start with front matter.",
                    "Begin the file with a line '---', then 'work:', 'language:' and 'title:' lines, then '---' (content/README.md §1).");
            return new Result(null, 0);
        }
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            problem(1, "The front matter is never closed.", "Add a line '---' after the last front matter line.");
            return new Result(null, lines.size());
        }
        Map<String, Object> values = parseYaml(String.join("\n", lines.subList(1, end)));
        if (values == null) {
            return new Result(null, end + 1);
        }
        return new Result(check(values, lines.subList(0, end)), end + 1);
    }

    private Map<String, Object> parseYaml(String yaml) {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (loaded instanceof Map<?, ?> map) {
                Map<String, Object> values = new LinkedHashMap<>();
                map.forEach((k, v) -> values.put(String.valueOf(k), v));
                return values;
            }
            problem(2, "The front matter is not a list of 'key: value' lines.",
                    "Write one 'key: value' per line, for example 'title: Il Kazakistan dopo la rivolta'.");
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 2 : e.getProblemMark().getLine() + 2;
            problem(line, "The front matter is not valid YAML (" + e.getProblem() + ").",
                    "Write one 'key: value' per line; put a value containing ': ' in double quotes.");
        } catch (YAMLException e) {
            problem(2, "The front matter is not valid YAML.", "Write one 'key: value' per line.");
        }
        return null;
    }

    private TranslationMetadata check(Map<String, Object> values, List<String> frontLines) {
        for (String key : values.keySet()) {
            if (WORK_KEYS.contains(key)) {
                problem(lineOf(key, frontLines), "'" + key + "' is a fact of the work, not of one translation.",
                        "Remove the line; the work's author, date, original address, reference edition and first language"
                                + " are written once in content/works/<work>.yml (content/README.md §1).");
            } else if (!KEYS.contains(key)) {
                problem(lineOf(key, frontLines), "Unknown front matter key '" + key + "'.",
                        "Use only: " + String.join(", ", KEYS.stream().sorted().toList()) + ".");
            }
        }
        String work = text(values, "work");
        String language = text(values, "language");
        String title = text(values, "title");
        String translatedFrom = text(values, "translated-from");
        if (work == null) {
            problem(2, "The front matter has no 'work'.", "Add 'work: <slug>', e.g. 'work: kazakistan-dopo-la-rivolta'.");
        } else if (!SLUG.matcher(work).matches()) {
            problem(lineOf("work", frontLines), "The work slug '" + work + "' is not valid.",
                    "Use lower-case letters, digits and single '-', e.g. 'kazakistan-dopo-la-rivolta'.");
        }
        if (language == null) {
            problem(2, "The front matter has no 'language'.", "Add 'language: <code>', e.g. 'language: en'.");
        } else if (!Languages.isKnown(language)) {
            problem(lineOf("language", frontLines), "Unknown language code '" + language + "'.",
                    "Use a BCP 47 code such as it, en, ru, de, pt-BR, kk.");
        }
        if (title == null) {
            problem(2, "The front matter has no 'title'.", "Add 'title: <the title in this language>'.");
        }
        if (translatedFrom != null && !Languages.isKnown(translatedFrom)) {
            problem(lineOf("translated-from", frontLines), "Unknown language code '" + translatedFrom + "' in translated-from.",
                    "Write the code of the edition this one was translated from, e.g. 'translated-from: it'.");
        }
        return new TranslationMetadata(work, language, title, text(values, "subtitle"), null, text(values, "translator"),
                text(values, "source"), null, null, translatedFrom);
    }

    static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        // YAML reads an unquoted 2022-01-12 as a timestamp; keep the date as written
        String text = value instanceof java.util.Date date
                ? date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString()
                : String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }

    private static int lineOf(String key, List<String> frontLines) {
        for (int i = 0; i < frontLines.size(); i++) {
            if (frontLines.get(i).startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 2;
    }

    private void problem(int line, String message, String fix) {
        problems.add(new ContentProblem(file, line, message, fix));
    }
}
