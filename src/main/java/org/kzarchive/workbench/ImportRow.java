package org.kzarchive.workbench;

import java.util.List;

/** One row of an import being reviewed: a reference passage and the imported text proposed for it. */
record ImportRow(SourceUnit source, String text, double confidence, String move) {

    public boolean low() {
        return confidence < 0.5;
    }

    public int percent() {
        return (int) Math.round(confidence * 100);
    }

    /**
     * Applies the editor's change: {@code swap:i} exchanges the texts of rows i and i+1;
     * {@code merge:i} appends row i+1's text to row i's and shifts the following texts up;
     * {@code split:i} moves the second half of row i's text (after its last line break, or its
     * middle sentence) into a new slot below, shifting the following texts down; {@code detach:i}
     * moves row i's text to the unplaced texts. Anything else changes nothing.
     */
    static void apply(String op, List<ImportRow> rows, List<String> unplaced) {
        String[] parts = op.split(":");
        if (parts.length != 2 || !parts[1].matches("\\d{1,6}")) {
            return;
        }
        int i = Integer.parseInt(parts[1]);
        if (i >= rows.size()) {
            return;
        }
        switch (parts[0]) {
            case "swap" -> {
                if (i + 1 < rows.size()) {
                    String a = rows.get(i).text();
                    set(rows, i, rows.get(i + 1).text());
                    set(rows, i + 1, a);
                }
            }
            case "merge" -> {
                if (i + 1 < rows.size()) {
                    set(rows, i, (rows.get(i).text().strip() + "\n" + rows.get(i + 1).text().strip()).strip());
                    for (int k = i + 1; k < rows.size() - 1; k++) {
                        set(rows, k, rows.get(k + 1).text());
                    }
                    set(rows, rows.size() - 1, "");
                }
            }
            case "split" -> {
                String text = rows.get(i).text().strip();
                int cut = text.lastIndexOf('\n');
                if (cut < 0) {
                    cut = text.indexOf(". ", text.length() / 2);
                    cut = cut < 0 ? -1 : cut + 1;
                }
                if (cut > 0 && i + 1 < rows.size()) {
                    String last = rows.getLast().text();
                    if (!last.isBlank()) {
                        unplaced.add(last);
                    }
                    for (int k = rows.size() - 1; k > i + 1; k--) {
                        set(rows, k, rows.get(k - 1).text());
                    }
                    set(rows, i, text.substring(0, cut).strip());
                    set(rows, i + 1, text.substring(cut).strip());
                }
            }
            case "detach" -> {
                if (!rows.get(i).text().isBlank()) {
                    unplaced.add(rows.get(i).text());
                }
                set(rows, i, "");
            }
            default -> {
            }
        }
    }

    private static void set(List<ImportRow> rows, int i, String text) {
        ImportRow row = rows.get(i);
        rows.set(i, new ImportRow(row.source(), text, 1.0, "edited"));
    }
}
