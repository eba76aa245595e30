package org.kzarchive.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;

/**
 * A readable diff of two Markdown texts: changed lines with a few unchanged lines around them,
 * and inside a changed line the words that changed. Paragraphs are long lines here, so the words
 * matter more than the lines.
 */
public final class LineDiff {

    public enum Kind { SAME, REMOVED, ADDED, SKIPPED }

    /** @param changed whether this piece of the line differs from the other version */
    public record Piece(String text, boolean changed) {
    }

    /** @param oldNumber line number in the first text; @param newNumber in the second; both null for SKIPPED */
    public record Line(Kind kind, Integer oldNumber, Integer newNumber, List<Piece> pieces, int skipped) {

        public String text() {
            return pieces.stream().map(Piece::text).reduce("", String::concat);
        }
    }

    /** @param added lines only in the second text; @param removed lines only in the first */
    public record Result(List<Line> lines, int added, int removed) {

        public boolean identical() {
            return added == 0 && removed == 0;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}]+|.", Pattern.DOTALL);
    private static final int CONTEXT = 2;

    private LineDiff() {
    }

    public static Result between(String first, String second) {
        List<String> a = lines(first);
        List<String> b = lines(second);
        List<Line> all = new ArrayList<>();
        int i = 0;
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int start = delta.getSource().getPosition();
            for (; i < start; i++) {
                all.add(same(a.get(i), i + 1, i + 1 + (delta.getTarget().getPosition() - start)));
            }
            List<String> gone = delta.getSource().getLines();
            List<String> come = delta.getTarget().getLines();
            boolean pairWords = delta.getType() == DeltaType.CHANGE;
            for (int k = 0; k < gone.size(); k++) {
                List<Piece> pieces = pairWords && k < come.size() ? words(gone.get(k), come.get(k), true) : whole(gone.get(k));
                all.add(new Line(Kind.REMOVED, start + k + 1, null, pieces, 0));
            }
            for (int k = 0; k < come.size(); k++) {
                List<Piece> pieces = pairWords && k < gone.size() ? words(gone.get(k), come.get(k), false) : whole(come.get(k));
                all.add(new Line(Kind.ADDED, null, delta.getTarget().getPosition() + k + 1, pieces, 0));
            }
            removed += gone.size();
            added += come.size();
            i = start + gone.size();
        }
        int offset = b.size() - a.size();
        for (; i < a.size(); i++) {
            all.add(same(a.get(i), i + 1, i + 1 + offset));
        }
        return new Result(withoutLongUnchangedRuns(all), added, removed);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\n", -1));
    }

    private static Line same(String text, int oldNumber, int newNumber) {
        return new Line(Kind.SAME, oldNumber, newNumber, List.of(new Piece(text, false)), 0);
    }

    private static List<Piece> whole(String text) {
        return List.of(new Piece(text, true));
    }

    /** The words of one side of a changed line, marked where they differ from the other side. */
    private static List<Piece> words(String before, String after, boolean oldSide) {
        List<String> x = tokens(before);
        List<String> y = tokens(after);
        List<String> side = oldSide ? x : y;
        boolean[] changed = new boolean[side.size()];
        for (AbstractDelta<String> delta : DiffUtils.diff(x, y).getDeltas()) {
            var chunk = oldSide ? delta.getSource() : delta.getTarget();
            for (int k = 0; k < chunk.size(); k++) {
                changed[chunk.getPosition() + k] = true;
            }
        }
        List<Piece> pieces = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int k = 0; k < side.size(); k++) {
            if (k > 0 && changed[k] != changed[k - 1]) {
                pieces.add(new Piece(run.toString(), changed[k - 1]));
                run.setLength(0);
            }
            run.append(side.get(k));
        }
        if (!side.isEmpty()) {
            pieces.add(new Piece(run.toString(), changed[side.size() - 1]));
        }
        return pieces;
    }

    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static List<Line> withoutLongUnchangedRuns(List<Line> all) {
        List<Line> shown = new ArrayList<>();
        int k = 0;
        while (k < all.size()) {
            if (all.get(k).kind() != Kind.SAME) {
                shown.add(all.get(k++));
                continue;
            }
            int end = k;
            while (end < all.size() && all.get(end).kind() == Kind.SAME) {
                end++;
            }
            int keepBefore = k == 0 ? 0 : CONTEXT;
            int keepAfter = end == all.size() ? 0 : CONTEXT;
            if (end - k > keepBefore + keepAfter + 1) {
                shown.addAll(all.subList(k, k + keepBefore));
                shown.add(new Line(Kind.SKIPPED, null, null, List.of(), end - k - keepBefore - keepAfter));
                shown.addAll(all.subList(end - keepAfter, end));
            } else {
                shown.addAll(all.subList(k, end));
            }
            k = end;
        }
        return shown;
    }
}
