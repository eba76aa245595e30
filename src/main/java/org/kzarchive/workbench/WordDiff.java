package org.kzarchive.workbench;

import java.util.ArrayList;
import java.util.List;

/** The word-by-word difference between two versions of a passage (longest common subsequence of words). */
final class WordDiff {

    /** Bounds the table: a passage of the archive has a few hundred words. */
    private static final int MAX_WORDS = 3000;

    private WordDiff() {
    }

    enum Change { SAME, REMOVED, ADDED }

    record Piece(Change change, String text) {
    }

    static List<Piece> between(String before, String after) {
        String[] a = words(before), b = words(after);
        if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
            return List.of(new Piece(Change.REMOVED, before), new Piece(Change.ADDED, after));
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Piece> pieces = new ArrayList<>();
        int i = 0, j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                add(pieces, Change.SAME, a[i++]);
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                add(pieces, Change.ADDED, b[j++]);
            } else {
                add(pieces, Change.REMOVED, a[i++]);
            }
        }
        return pieces;
    }

    private static void add(List<Piece> pieces, Change change, String word) {
        if (!pieces.isEmpty() && pieces.getLast().change() == change) {
            pieces.set(pieces.size() - 1, new Piece(change, pieces.getLast().text() + " " + word));
        } else {
            pieces.add(new Piece(change, word));
        }
    }

    private static String[] words(String text) {
        String s = text == null ? "" : text.strip();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }
}
