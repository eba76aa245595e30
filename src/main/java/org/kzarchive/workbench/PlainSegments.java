package org.kzarchive.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a translation made outside the archive (plain Markdown, no keys) into its passages, guessing
 * each one's kind from its Markdown: headings, quotations, questions and answers, fenced figures
 * and notes, note definitions, timeline lines. Keys written in it anyway are dropped.
 */
final class PlainSegments {

    /** Bounds what one paste can make. */
    static final int MAX_SEGMENTS = 5000;

    private static final Pattern KEY = Pattern.compile("\\s*\\{#[^}]*}\\s*$");
    private static final Pattern NOTE = Pattern.compile("^\\[\\^([^\\]\\s]+)]:\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");

    private PlainSegments() {
    }

    /** @param label a note's label; null for other kinds */
    record Segment(UnitKind kind, String text, String label) {
    }

    static List<Segment> of(String markdown) {
        List<String> lines = markdown.replace("\r\n", "\n").lines().toList();
        int start = 0;
        List<Segment> segments = new ArrayList<>();
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).strip().equals("---")) {
                    for (String front : lines.subList(1, i)) {
                        if (front.startsWith("title:")) {
                            segments.add(new Segment(UnitKind.TITLE, unquote(front.substring(6).strip()), null));
                        } else if (front.startsWith("subtitle:")) {
                            segments.add(new Segment(UnitKind.SUBTITLE, unquote(front.substring(9).strip()), null));
                        }
                    }
                    start = i + 1;
                    break;
                }
            }
        }
        StringBuilder paragraph = new StringBuilder();
        for (int i = start; i < lines.size() && segments.size() < MAX_SEGMENTS; i++) {
            String line = lines.get(i);
            if (line.startsWith(":::") && paragraph.isEmpty()) {
                String type = line.substring(3).strip().split("\\s+")[0];
                StringBuilder inner = new StringBuilder();
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).strip().equals(":::")) {
                    if (type.equals("timeline")) {
                        String[] parts = lines.get(j).replaceFirst("^-\\s*", "").split("\\|");
                        if (parts.length >= 2) {
                            segments.add(new Segment(UnitKind.TIMELINE, parts[1].strip(), null));
                        }
                    } else {
                        inner.append(inner.isEmpty() ? "" : "\n").append(lines.get(j));
                    }
                    j++;
                }
                if (!type.equals("timeline")) {
                    segments.add(new Segment(type.equals("editorial") ? UnitKind.EDITORIAL : UnitKind.FIGURE, clean(inner.toString()), null));
                }
                i = j;
                continue;
            }
            if (line.isBlank()) {
                flush(paragraph, segments);
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : "\n").append(line);
            }
        }
        flush(paragraph, segments);
        return segments;
    }

    private static void flush(StringBuilder paragraph, List<Segment> segments) {
        if (paragraph.isEmpty()) {
            return;
        }
        String text = paragraph.toString().strip();
        paragraph.setLength(0);
        Matcher note = NOTE.matcher(text);
        Matcher heading = HEADING.matcher(text);
        if (note.matches()) {
            segments.add(new Segment(UnitKind.NOTE, clean(note.group(2).replaceAll("\n\\s+", "\n")), note.group(1)));
        } else if (heading.matches() && !text.contains("\n")) {
            segments.add(new Segment(UnitKind.HEADING, clean(heading.group(1)), null));
        } else if (text.startsWith(">")) {
            segments.add(new Segment(UnitKind.QUOTATION, clean(text.replaceAll("(?m)^>\\s?", "")), null));
        } else if (text.startsWith("Q:")) {
            segments.add(new Segment(UnitKind.QUESTION, clean(text.substring(2)), null));
        } else if (text.startsWith("A:")) {
            segments.add(new Segment(UnitKind.ANSWER, clean(text.substring(2)), null));
        } else {
            segments.add(new Segment(UnitKind.PARAGRAPH, clean(text), null));
        }
    }

    private static String clean(String text) {
        return KEY.matcher(text.strip()).replaceAll("").strip();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
