package org.kzarchive.editing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;

/**
 * A readable diff of two Markdown texts: changed lines with a few unchanged lines around them,
 * and inside a changed line the words that changed. Paragraphs are long lines here, so the words
 * matter more than the lines.
 *
 * <p>Comparing costs time and memory in proportion to the length times the differences, so it has
 * a budget: at most {@value #MAX_CHANGED_LINES} lines between the common beginning and end of the
 * two texts (compared with Myers' algorithm in linear space, whose steps cannot be interrupted),
 * words compared only in lines of at most {@value #MAX_WORDS} words and spaces together, and
 * {@link #BUDGET} in all. Beyond the budget a changed line is shown whole, and texts too long or too different to
 * compare in time get a notice instead of their differences.
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

    /**
     * @param added lines only in the second text; @param removed lines only in the first
     * @param notice what the budget left out, or null when everything was compared
     */
    public record Result(List<Line> lines, int added, int removed, String notice) {

        public boolean identical() {
            return notice == null && added == 0 && removed == 0;
        }
    }

    static final int MAX_CHANGED_LINES = 5_000;
    /** words and spaces of a changed line and its new version together: about 6,000 characters a side */
    static final int MAX_WORDS = 4_000;
    static final Duration BUDGET = Duration.ofSeconds(1);
    static final String WORDS_SKIPPED = "Some changed lines are long: they are shown whole, without their changed words marked.";

    /** Thrown by the diff algorithm's progress listener when the budget is spent. */
    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super(null, null, false, false);
        }
    }

    /** The time left for one comparison. */
    private record Deadline(long nanos) implements DiffAlgorithmListener {

        static Deadline in(Duration budget) {
            return new Deadline(System.nanoTime() + budget.toNanos());
        }

        boolean passed() {
            return System.nanoTime() - nanos >= 0;
        }

        @Override
        public void diffStart() {
        }

        @Override
        public void diffStep(int value, int max) {
            if (passed()) {
                throw new OutOfTime();
            }
        }

        @Override
        public void diffEnd() {
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}]+|.", Pattern.DOTALL);
    private static final int CONTEXT = 2;

    private LineDiff() {
    }

    public static Result between(String first, String second) {
        return between(first, second, BUDGET);
    }

    static Result between(String first, String second, Duration budget) {
        Deadline deadline = Deadline.in(budget);
        List<String> a = lines(first);
        List<String> b = lines(second);
        int changed = a.size() + b.size() - 2 * commonEnds(a, b);
        if (changed > MAX_CHANGED_LINES) {
            return new Result(List.of(), 0, 0, "The two texts differ in a stretch of " + changed + " lines together, more than the "
                    + MAX_CHANGED_LINES + " compared here. Export both revisions and compare them with a tool on your computer.");
        }
        List<Hunk<String>> deltas;
        try {
            deltas = diff(a, b, deadline);
        } catch (OutOfTime e) {
            return new Result(List.of(), 0, 0, "The two texts differ too much to show their differences in time. "
                    + "Export both revisions and compare them with a tool on your computer.");
        }
        List<Line> all = new ArrayList<>();
        int i = 0;
        int added = 0;
        int removed = 0;
        boolean[] wordsSkipped = {false};
        for (Hunk<String> delta : deltas) {
            int start = delta.sourcePosition();
            for (; i < start; i++) {
                all.add(same(a.get(i), i + 1, i + 1 + (delta.targetPosition() - start)));
            }
            List<String> gone = delta.gone();
            List<String> come = delta.come();
            boolean pairWords = !gone.isEmpty() && !come.isEmpty();
            for (int k = 0; k < gone.size(); k++) {
                List<Piece> pieces = pairWords && k < come.size() ? words(gone.get(k), come.get(k), true, deadline, wordsSkipped)
                        : whole(gone.get(k));
                all.add(new Line(Kind.REMOVED, start + k + 1, null, pieces, 0));
            }
            for (int k = 0; k < come.size(); k++) {
                List<Piece> pieces = pairWords && k < gone.size() ? words(gone.get(k), come.get(k), false, deadline, wordsSkipped)
                        : whole(come.get(k));
                all.add(new Line(Kind.ADDED, null, delta.targetPosition() + k + 1, pieces, 0));
            }
            removed += gone.size();
            added += come.size();
            i = start + gone.size();
        }
        int offset = b.size() - a.size();
        for (; i < a.size(); i++) {
            all.add(same(a.get(i), i + 1, i + 1 + offset));
        }
        return new Result(withoutLongUnchangedRuns(all), added, removed, wordsSkipped[0] ? WORDS_SKIPPED : null);
    }

    /** A run of lines (or words) removed and added at one place; either side may be empty. */
    private record Hunk<T>(int sourcePosition, List<T> gone, int targetPosition, List<T> come) {

        boolean touches(AbstractDelta<T> next) {
            return next.getSource().getPosition() == sourcePosition + gone.size()
                    && next.getTarget().getPosition() == targetPosition + come.size();
        }

        Hunk<T> and(AbstractDelta<T> next) {
            List<T> removed = new ArrayList<>(gone);
            removed.addAll(next.getSource().getLines());
            List<T> added = new ArrayList<>(come);
            added.addAll(next.getTarget().getLines());
            return new Hunk<>(sourcePosition, removed, targetPosition, added);
        }
    }

    /**
     * Myers' algorithm in linear space, which reports a changed line as a deletion next to an
     * insertion: these are joined again, so that a changed line can show its changed words.
     */
    private static <T> List<Hunk<T>> diff(List<T> a, List<T> b, Deadline deadline) {
        if (deadline.passed()) {
            throw new OutOfTime();
        }
        List<Hunk<T>> hunks = new ArrayList<>();
        for (AbstractDelta<T> delta : DiffUtils.diff(a, b, new MyersDiffWithLinearSpace<T>(), deadline).getDeltas()) {
            Hunk<T> last = hunks.isEmpty() ? null : hunks.getLast();
            if (last != null && last.touches(delta)) {
                hunks.set(hunks.size() - 1, last.and(delta));
            } else {
                hunks.add(new Hunk<>(delta.getSource().getPosition(), delta.getSource().getLines(),
                        delta.getTarget().getPosition(), delta.getTarget().getLines()));
            }
        }
        return hunks;
    }

    /** How many lines the two texts share at their beginning and their end. */
    private static int commonEnds(List<String> a, List<String> b) {
        int shortest = Math.min(a.size(), b.size());
        int head = 0;
        while (head < shortest && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < shortest - head && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        return head + tail;
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
    private static List<Piece> words(String before, String after, boolean oldSide, Deadline deadline, boolean[] skipped) {
        List<String> x = tokens(before);
        List<String> y = tokens(after);
        List<String> side = oldSide ? x : y;
        List<Hunk<String>> deltas;
        try {
            if (x.size() + y.size() > MAX_WORDS) {
                throw new OutOfTime();
            }
            if (deadline.passed()) {
                throw new OutOfTime();
            }
            // Myers' original algorithm: it marks the words a reader would (its memory is bounded by MAX_WORDS)
            deltas = DiffUtils.diff(x, y, deadline).getDeltas().stream()
                    .map(d -> new Hunk<>(d.getSource().getPosition(), d.getSource().getLines(),
                            d.getTarget().getPosition(), d.getTarget().getLines()))
                    .toList();
        } catch (OutOfTime e) {
            skipped[0] = true;
            return whole(oldSide ? before : after);
        }
        boolean[] changed = new boolean[side.size()];
        for (Hunk<String> delta : deltas) {
            int position = oldSide ? delta.sourcePosition() : delta.targetPosition();
            int size = oldSide ? delta.gone().size() : delta.come().size();
            for (int k = 0; k < size; k++) {
                changed[position + k] = true;
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
