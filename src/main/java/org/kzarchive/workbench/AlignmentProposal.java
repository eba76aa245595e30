package org.kzarchive.workbench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes which passage of a translation made elsewhere translates which passage of the reference:
 * Gale and Church's length-based alignment (dynamic programming over 1–1, 1–0, 0–1, 2–1 and 1–2
 * moves, the cost of a pair from how far its length ratio strays from the text's), with anchors:
 * the kinds of passage (headings, questions, answers, quotations, figures) and the numbers they
 * contain must agree. Notes align by their label, timeline events by their order, the title by itself.
 */
final class AlignmentProposal {

    /** Numbers, and names (capitalised words of five letters or more, by their first four letters: Tokaev and Tokayev agree). */
    private static final Pattern ANCHOR = Pattern.compile("\\d+|(?<![.!?]\\s)(?<=\\s|^|[“\"(«])\\p{Lu}\\p{L}{4,}");
    private static final double SKIP = 6.0;
    private static final double MERGE = 2.5;
    private static final double OTHER_KIND = 5.0;
    private static final double VARIANCE = 6.8;

    private AlignmentProposal() {
    }

    /**
     * One reference passage and what is proposed for it.
     *
     * @param text       the imported text proposed (empty when none)
     * @param confidence 0–1: how well length, kind and numbers agree
     * @param move       how it was matched: "1-1", "1-0" (nothing for it), "2-1" (shares the imported passage with the one before), "1-2"
     */
    record Row(SourceUnit source, String text, double confidence, String move) {

        boolean low() {
            return confidence < 0.5;
        }
    }

    record Proposal(List<Row> rows, List<String> unplaced) {
    }

    static Proposal propose(List<SourceUnit> reference, List<PlainSegments.Segment> imported) {
        List<SourceUnit> body = reference.stream().filter(u -> inBody(u.kind())).toList();
        List<PlainSegments.Segment> segments = imported.stream().filter(s -> inBody(s.kind())).toList();
        Map<String, Row> rows = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        alignBody(body, segments, rows, unplaced);

        Map<String, String> notes = new LinkedHashMap<>();
        imported.stream().filter(s -> s.kind() == UnitKind.NOTE).forEach(s -> notes.put(s.label(), s.text()));
        List<String> events = imported.stream().filter(s -> s.kind() == UnitKind.TIMELINE).map(PlainSegments.Segment::text).toList();
        int event = 0;
        for (SourceUnit unit : reference) {
            switch (unit.kind()) {
                case NOTE -> {
                    String text = notes.remove(unit.key());
                    rows.put(unit.key(), new Row(unit, text == null ? "" : text, text == null ? 0 : 1, text == null ? "1-0" : "1-1"));
                }
                case TIMELINE -> {
                    String text = event < events.size() ? events.get(event++) : "";
                    rows.put(unit.key(), new Row(unit, text, text.isEmpty() ? 0 : 0.9, text.isEmpty() ? "1-0" : "1-1"));
                }
                case TITLE, SUBTITLE -> {
                    String text = imported.stream().filter(s -> s.kind() == unit.kind()).map(PlainSegments.Segment::text).findFirst().orElse("");
                    rows.put(unit.key(), new Row(unit, text, text.isEmpty() ? 0 : 1, text.isEmpty() ? "1-0" : "1-1"));
                }
                default -> {
                }
            }
        }
        unplaced.addAll(notes.values());
        unplaced.addAll(events.subList(Math.min(event, events.size()), events.size()));
        List<Row> ordered = new ArrayList<>();
        for (SourceUnit unit : reference) {
            ordered.add(rows.getOrDefault(unit.key(), new Row(unit, "", 0, "1-0")));
        }
        return new Proposal(ordered, unplaced);
    }

    private static boolean inBody(UnitKind kind) {
        return kind != UnitKind.NOTE && kind != UnitKind.TIMELINE && kind != UnitKind.TITLE && kind != UnitKind.SUBTITLE;
    }

    private static void alignBody(List<SourceUnit> ref, List<PlainSegments.Segment> tgt, Map<String, Row> rows, List<String> unplaced) {
        int n = ref.size(), m = tgt.size();
        double refChars = ref.stream().mapToInt(u -> u.markdown().length()).sum();
        double tgtChars = tgt.stream().mapToInt(s -> s.text().length()).sum();
        double ratio = refChars == 0 ? 1 : Math.max(0.2, tgtChars / refChars);
        double[][] cost = new double[n + 1][m + 1];
        int[][] move = new int[n + 1][m + 1];
        for (double[] row : cost) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                if (i == 0 && j == 0) {
                    continue;
                }
                double best = Double.POSITIVE_INFINITY;
                int how = -1;
                if (i > 0 && j > 0) {
                    double c = cost[i - 1][j - 1] + pair(List.of(ref.get(i - 1)), List.of(tgt.get(j - 1)), ratio);
                    if (c < best) { best = c; how = 0; }
                }
                if (i > 0 && cost[i - 1][j] + SKIP < best) {
                    best = cost[i - 1][j] + SKIP;
                    how = 1;
                }
                if (j > 0 && cost[i][j - 1] + SKIP < best) {
                    best = cost[i][j - 1] + SKIP;
                    how = 2;
                }
                if (i > 1 && j > 0) {
                    double c = cost[i - 2][j - 1] + MERGE + pair(List.of(ref.get(i - 2), ref.get(i - 1)), List.of(tgt.get(j - 1)), ratio);
                    if (c < best) { best = c; how = 3; }
                }
                if (i > 0 && j > 1) {
                    double c = cost[i - 1][j - 2] + MERGE + pair(List.of(ref.get(i - 1)), List.of(tgt.get(j - 2), tgt.get(j - 1)), ratio);
                    if (c < best) { best = c; how = 4; }
                }
                cost[i][j] = best;
                move[i][j] = how;
            }
        }
        List<Row> backwards = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int i = n, j = m;
        while (i > 0 || j > 0) {
            int how = move[i][j];
            double step = cost[i][j] - switch (how) {
                case 0 -> cost[i - 1][j - 1];
                case 1 -> cost[i - 1][j];
                case 2 -> cost[i][j - 1];
                case 3 -> cost[i - 2][j - 1];
                default -> cost[i - 1][j - 2];
            };
            double confidence = Math.max(0, Math.min(1, 1 - step / (2 * SKIP)));
            switch (how) {
                case 0 -> backwards.add(new Row(ref.get(--i), tgt.get(--j).text(), confidence, "1-1"));
                case 1 -> backwards.add(new Row(ref.get(--i), "", 0, "1-0"));
                case 2 -> skipped.add(0, tgt.get(--j).text());
                case 3 -> {
                    String text = tgt.get(--j).text();
                    backwards.add(new Row(ref.get(--i), "", confidence, "2-1"));
                    backwards.add(new Row(ref.get(--i), text, confidence, "2-1"));
                }
                default -> {
                    String second = tgt.get(--j).text();
                    String first = tgt.get(--j).text();
                    backwards.add(new Row(ref.get(--i), first + "\n" + second, confidence, "1-2"));
                }
            }
        }
        for (Row row : backwards) {
            rows.put(row.source().key(), row);
        }
        unplaced.addAll(skipped);
    }

    /** Gale–Church's cost of a pairing, plus the anchors' disagreement. */
    private static double pair(List<SourceUnit> ref, List<PlainSegments.Segment> tgt, double ratio) {
        double lr = ref.stream().mapToInt(u -> u.markdown().length()).sum();
        double lt = tgt.stream().mapToInt(s -> s.text().length()).sum();
        double delta = (lt - lr * ratio) / Math.sqrt(Math.max(1, lr) * VARIANCE);
        double length = -Math.log(Math.max(1e-12, 2 * (1 - phi(Math.abs(delta)))));
        double kinds = compatible(ref.get(0).kind(), tgt.get(0).kind()) ? 0 : OTHER_KIND;
        Set<String> refNumbers = new HashSet<>(), tgtNumbers = new HashSet<>();
        ref.forEach(u -> numbers(u.markdown(), refNumbers));
        tgt.forEach(s -> numbers(s.text(), tgtNumbers));
        double numbers = 0;
        if (!refNumbers.isEmpty() || !tgtNumbers.isEmpty()) {
            Set<String> common = new HashSet<>(refNumbers);
            common.retainAll(tgtNumbers);
            Set<String> all = new HashSet<>(refNumbers);
            all.addAll(tgtNumbers);
            numbers = 2.0 * (1 - common.size() / (double) all.size()) - (common.isEmpty() ? 0 : 1);
        }
        return length + kinds + numbers;
    }

    private static boolean compatible(UnitKind a, UnitKind b) {
        if (a == b) {
            return true;
        }
        // a continued answer is written as a plain paragraph
        return (a == UnitKind.ANSWER && b == UnitKind.PARAGRAPH) || (a == UnitKind.PARAGRAPH && b == UnitKind.ANSWER);
    }

    private static void numbers(String text, Set<String> into) {
        Matcher m = ANCHOR.matcher(text);
        while (m.find()) {
            String anchor = m.group();
            into.add(Character.isDigit(anchor.charAt(0)) ? anchor : anchor.substring(0, 4).toLowerCase());
        }
    }

    /** The standard normal distribution function (Abramowitz and Stegun 26.2.17). */
    private static double phi(double z) {
        double t = 1 / (1 + 0.2316419 * z);
        double d = 0.3989422804014327 * Math.exp(-z * z / 2);
        double p = d * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return 1 - p;
    }
}
