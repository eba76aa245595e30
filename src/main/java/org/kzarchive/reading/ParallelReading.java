package org.kzarchive.reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kzarchive.archive.Addresses;
import org.kzarchive.archive.RenderedTranslation;

/**
 * Two editions side by side, aligned by the keys of the reference edition: one row per group of
 * keys, so that a block split in two, or two blocks merged into one, stand in one row with their
 * counterpart. Rows follow the reference edition's order; a key one edition lacks gives a row
 * with that side marked as missing.
 *
 * @param page "text" for the full text, "interview" for the interview alone
 */
public record ParallelReading(Edition left, Edition right, String page, List<Row> rows, List<NoteRow> notes) {

    /** A heading or a block of one edition, with its HTML made fit for a page that shows two editions. */
    public record Item(String anchor, String kind, String html, String figureDate, String figureCredit, String permalink) {

        public boolean isHeading() {
            return kind.equals("HEADING");
        }
    }

    /** @param key the row's id on the page: the first key of its group */
    public record Row(String key, List<Item> left, List<Item> right) {

        public String leftPermalink() {
            return left.isEmpty() ? null : left.get(0).permalink();
        }

        public String rightPermalink() {
            return right.isEmpty() ? null : right.get(0).permalink();
        }
    }

    /** An author's note in both editions (a translator's note stands alone on its side). */
    public record NoteRow(String label, Item left, Item right) {
    }

    // the ids of reference marks are unique on an edition's page, not on a page that shows two
    private static final Pattern REFERENCE_MARK = Pattern.compile("<a id=\"ref-[^\"]*\" href=\"#(note-[^\"]*)\"");

    /**
     * @param referenceOrder the keys of the reference edition in its order (headings, blocks); may be
     *                       empty when the reference edition is not published, then the left edition's order serves
     */
    static ParallelReading of(Edition left, Edition right, String page, List<String> referenceOrder) {
        List<Keyed> leftItems = items(left, page);
        List<Keyed> rightItems = items(right, page);
        Groups groups = new Groups();
        leftItems.forEach(i -> groups.join(i.keys));
        rightItems.forEach(i -> groups.join(i.keys));
        Set<String> order = new LinkedHashSet<>(referenceOrder);
        leftItems.forEach(i -> order.addAll(i.keys));
        rightItems.forEach(i -> order.addAll(i.keys));
        Map<String, List<Item>> leftByGroup = byGroup(leftItems, groups);
        Map<String, List<Item>> rightByGroup = byGroup(rightItems, groups);
        List<Row> rows = new ArrayList<>();
        Set<String> emitted = new java.util.HashSet<>();
        for (String key : order) {
            String group = groups.find(key);
            if (!emitted.add(group)) {
                continue;
            }
            List<Item> l = leftByGroup.getOrDefault(group, List.of());
            List<Item> r = rightByGroup.getOrDefault(group, List.of());
            if (l.isEmpty() && r.isEmpty()) {
                continue; // a reference key neither edition renders on this page
            }
            rows.add(new Row(key, l, r));
        }
        return new ParallelReading(left, right, page, rows, page.equals(Addresses.TEXT) ? notes(left, right) : List.of());
    }

    public String getLeftName() {
        return org.kzarchive.archive.Languages.nativeName(left.language());
    }

    public String getRightName() {
        return org.kzarchive.archive.Languages.nativeName(right.language());
    }

    /** Dates in the right-hand column are written the way its language writes them. */
    public java.util.Locale getRightLocale() {
        return java.util.Locale.forLanguageTag(right.language());
    }

    public boolean isInterview() {
        return page.equals("interview");
    }

    public long missingOnTheRight() {
        return rows.stream().filter(r -> r.right().isEmpty()).count();
    }

    public long missingOnTheLeft() {
        return rows.stream().filter(r -> r.left().isEmpty()).count();
    }

    private static List<NoteRow> notes(Edition left, Edition right) {
        Map<String, Item> rightNotes = new LinkedHashMap<>();
        right.footnotes().forEach(n -> rightNotes.put(n.label(), note(right, n)));
        List<NoteRow> rows = new ArrayList<>();
        for (RenderedTranslation.Footnote n : left.footnotes()) {
            rows.add(new NoteRow(n.label(), note(left, n), n.isTranslators() ? null : rightNotes.remove(n.label())));
        }
        rightNotes.forEach((label, item) -> rows.add(new NoteRow(label, null, item)));
        return rows;
    }

    private static Item note(Edition edition, RenderedTranslation.Footnote n) {
        return new Item(n.anchor(), n.isTranslators() ? "TRANSLATOR_NOTE" : "NOTE", n.html(), null, null,
                Addresses.passage(edition.language(), edition.workSlug(), n.anchor()));
    }

    private record Keyed(List<String> keys, Item item) {
    }

    private static List<Keyed> items(Edition edition, String page) {
        List<Keyed> items = new ArrayList<>();
        boolean interview = page.equals("interview");
        for (RenderedTranslation.Section section : edition.sections()) {
            if (section.title() != null && !interview) {
                items.add(new Keyed(List.of(section.anchor()), new Item(section.anchor(), "HEADING", section.titleHtml(), null, null,
                        Addresses.passage(edition.language(), edition.workSlug(), section.anchor()))));
            }
            for (RenderedTranslation.Block block : section.blocks()) {
                if (interview && block.exchange() == null) {
                    continue;
                }
                String permalink = Addresses.passage(edition.language(), edition.workSlug(), interview ? "interview" : Addresses.TEXT,
                        block.anchor());
                items.add(new Keyed(block.keys(), new Item(block.anchor(), block.kind().name(),
                        withoutIds(block.html(), edition), block.figureDate(), block.figureCredit(), permalink)));
            }
        }
        return items;
    }

    /** Reference marks keep their link (to the note on the edition's own page) and lose their id. */
    private static String withoutIds(String html, Edition edition) {
        Matcher m = REFERENCE_MARK.matcher(html);
        return m.replaceAll(r -> Matcher.quoteReplacement("<a href=\"" + Addresses.passage(edition.language(), edition.workSlug(),
                r.group(1)) + "\""));
    }

    private static Map<String, List<Item>> byGroup(List<Keyed> items, Groups groups) {
        Map<String, List<Item>> map = new HashMap<>();
        for (Keyed k : items) {
            map.computeIfAbsent(groups.find(k.keys.get(0)), g -> new ArrayList<>()).add(k.item);
        }
        return map;
    }

    /** Keys rendered together (by one merged block, on either side) fall into one group. */
    private static final class Groups {
        private final Map<String, String> parent = new HashMap<>();

        String find(String key) {
            String p = parent.getOrDefault(key, key);
            if (p.equals(key)) {
                return key;
            }
            String root = find(p);
            parent.put(key, root);
            return root;
        }

        void join(List<String> keys) {
            String first = find(keys.get(0));
            for (String k : keys.subList(1, keys.size())) {
                String other = find(k);
                if (!other.equals(first)) {
                    parent.put(other, first);
                }
            }
        }
    }
}
