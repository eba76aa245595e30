package org.kzarchive.workbench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.kzarchive.importing.ParsedTranslation;

/**
 * Writes a translation's file in the archive's format (content/README.md) from the reference's
 * passages and the translated texts, every passage with its key. A passage without translation is
 * written with the reference's text, so that the file always has the reference's whole structure;
 * the keys written so are returned as {@link Written#fallbacks()}.
 */
final class TranslationFileWriter {

    private TranslationFileWriter() {
    }

    record Written(String markdown, Set<String> fallbacks) {
    }

    /** The front matter fields of the translation: work, language, translator, source, translated-from. */
    record Front(String work, String language, String translator, String source, String translatedFrom) {
    }

    static Written write(Front front, List<SourceUnit> reference, Map<String, String> texts) {
        Set<String> fallbacks = new TreeSet<>();
        StringBuilder out = new StringBuilder("---\n");
        field(out, "work", front.work());
        field(out, "language", front.language());
        String previousSection = null;
        SourceUnit previous = null;
        boolean timelineOpen = false;
        for (SourceUnit unit : reference) {
            String text = texts.get(unit.key());
            if (text == null || text.isBlank()) {
                text = unit.markdown();
                fallbacks.add(unit.key());
            }
            text = text.strip();
            switch (unit.kind()) {
                case TITLE -> field(out, "title", oneLine(text));
                case SUBTITLE -> field(out, "subtitle", oneLine(text));
                default -> {
                    if (previous == null || previous.kind() == UnitKind.TITLE || previous.kind() == UnitKind.SUBTITLE) {
                        field(out, "translator", front.translator());
                        field(out, "source", front.source());
                        field(out, "translated-from", front.translatedFrom());
                        out.append("---\n");
                    }
                    if (unit.kind() != UnitKind.TIMELINE && timelineOpen) {
                        out.append(":::\n");
                        timelineOpen = false;
                    }
                    boolean afterQuestion = previous != null && previous.kind() == UnitKind.QUESTION && unit.section().equals(previousSection);
                    writeUnit(out, unit, text, afterQuestion, timelineOpen);
                    timelineOpen = unit.kind() == UnitKind.TIMELINE;
                    previousSection = unit.section();
                }
            }
            previous = unit;
        }
        if (previous == null || previous.kind() == UnitKind.TITLE || previous.kind() == UnitKind.SUBTITLE) {
            out.append("---\n");
        }
        if (timelineOpen) {
            out.append(":::\n");
        }
        return new Written(out.toString(), fallbacks);
    }

    private static void writeUnit(StringBuilder out, SourceUnit unit, String text, boolean afterQuestion, boolean timelineOpen) {
        String key = " {#" + unit.key() + "}";
        switch (unit.kind()) {
            case HEADING -> out.append("\n## ").append(oneLine(text)).append(key).append('\n');
            case PARAGRAPH -> out.append('\n').append(paragraph(text)).append(key).append('\n');
            case ANSWER -> out.append('\n').append(afterQuestion ? "A: " : "").append(paragraph(text)).append(key).append('\n');
            case QUESTION -> out.append("\nQ: ").append(paragraph(text)).append(key).append('\n');
            case QUOTATION -> out.append('\n').append(paragraph(text).replaceAll("(?m)^", "> ")).append(key).append('\n');
            case FIGURE -> {
                out.append("\n::: figure");
                ParsedTranslation.Figure figure = unit.figure();
                if (figure != null) {
                    attribute(out, "date", figure.date());
                    attribute(out, "credit", figure.credit());
                    attribute(out, "image", figure.image());
                }
                out.append(" id=").append(unit.key()).append('\n').append(paragraph(text)).append("\n:::\n");
            }
            case EDITORIAL -> out.append("\n::: editorial on=").append(unit.annotates()).append(" id=").append(unit.key()).append('\n')
                    .append(paragraph(text)).append("\n:::\n");
            case NOTE -> out.append("\n[^").append(unit.key()).append("]: ").append(text.replaceAll("\n\\s*", "\n  ")).append('\n');
            case TIMELINE -> {
                var event = unit.event();
                if (!timelineOpen) {
                    out.append("\n::: timeline\n");
                }
                out.append("- ").append(event.dateStart()).append(event.dateEnd() == null ? "" : ".." + event.dateEnd())
                        .append(" | ").append(oneLine(text).replace("|", "/")).append(" | ").append(event.target())
                        .append(event.outsideText() ? " | outside" : "").append(key).append('\n');
            }
            default -> throw new IllegalStateException(unit.kind().name());
        }
    }

    /** Blank lines would start a new block: a passage stays one block. */
    private static String paragraph(String text) {
        return text.replaceAll("\n\\s*\n", "\n");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\n\\s*", " ");
    }

    private static void attribute(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(' ').append(name).append('=');
            out.append(value.matches("[^\\s\"]+") ? value : '"' + value.replace("\"", "'") + '"');
        }
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value != null && !value.isBlank()) {
            String line = oneLine(value.strip());
            boolean plain = line.matches("[\\p{L}\\p{N} .,()'’-]+") && !line.startsWith("-");
            out.append(name).append(": ").append(plain ? line : '"' + line.replace("\\", "\\\\").replace("\"", "\\\"") + '"').append('\n');
        }
    }
}
