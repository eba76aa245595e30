package org.kzarchive.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kzarchive.archive.BlockKind;
import org.kzarchive.archive.NoteKind;
import org.kzarchive.importing.ParsedTranslation.Block;
import org.kzarchive.importing.ParsedTranslation.Figure;
import org.kzarchive.importing.ParsedTranslation.Footnote;
import org.kzarchive.importing.ParsedTranslation.Section;
import org.kzarchive.importing.ParsedTranslation.TimelineEntry;

/**
 * Reads a translation written in the convention of content/README.md into its structure, and
 * checks it. Every problem found is reported at once, each with its line and its fix. The one
 * parser for the seed import, the editors' form and the key-assigning command.
 *
 * <p>Every heading, block, figure, editorial note and timeline event carries a key written in the
 * file ({@code {#key}}, or {@code id=key} on a {@code :::} line); a translation's block names the key
 * of the reference block it renders ({@code {#key.2}} for the second part of a split block,
 * {@code {#key1 key2}} for one block that renders two). Keys are never made up from positions here:
 * a missing key is an error whose fix is the {@link KeyAssignment} command.
 */
public class TranslationParser {

    public static final String OPENING_ANCHOR = "apertura";
    public static final Pattern FOOTNOTE_REFERENCE = Pattern.compile("\\[\\^([^\\]\\s]+)]");
    public static final String ASSIGN_KEYS_FIX = "Run the key-assigning command once on the file: "
            + "./mvnw -q compile exec:java@assign-keys -Dfile=<the file> (content/README.md §2).";
    static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern TRAILING_KEYS = Pattern.compile("\\s*\\{#([^}]*)}\\s*$");
    private static final Pattern PART = Pattern.compile("(.+)\\.([2-9]|[1-9]\\d)");
    private static final Pattern FOOTNOTE_DEFINITION = Pattern.compile("^\\[\\^([^\\]\\s]+)]:\\s?(.*)$");
    private static final Pattern NOTE_LABEL = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
    private static final Pattern TRANSLATOR_LABEL = Pattern.compile("t\\d+");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z]+)=(\"([^\"]*)\"|\\S+)");
    // what a reader would take for an interview marker: Cyrillic А (looks like A), В ("Вопрос"), О ("Ответ"),
    // or a Latin Q/A with a space or a full-width colon
    private static final Pattern LOOK_ALIKE_MARKER = Pattern.compile("^[\u0410\u0412\u041EQA]\\s*[:\uFF1A]");
    private static final Set<String> FIGURE_ATTRIBUTES = Set.of("date", "credit", "image", "id");
    private static final Set<String> EDITORIAL_ATTRIBUTES = Set.of("id", "on");
    // the database keeps anchors in 120 characters
    private static final int MAX_ID_LENGTH = 80;
    private static final int MAX_NOTE_LABEL_LENGTH = 40;

    public ParsedTranslation parse(String file, String markdown) {
        Run run = new Run(file, true);
        ParsedTranslation parsed = run.parse(markdown);
        run.throwProblems();
        return parsed;
    }

    /**
     * Where every keyed thing of the file stands and the key it has, for the commands that write
     * keys; a missing key is not a problem here, any other mistake is.
     */
    public Slots slots(String file, String markdown) {
        Run run = new Run(file, false);
        ParsedTranslation parsed = run.parse(markdown);
        run.throwProblems();
        return new Slots(parsed, run.slots);
    }

    /** @param slots every heading, block and timeline event in file order, keyed or not */
    public record Slots(ParsedTranslation parsed, List<KeySlot> slots) {
    }

    /**
     * One thing of the file that carries a key.
     *
     * @param kind        HEADING, a block kind's name, or TIMELINE
     * @param line        the line the key is written on (1-based)
     * @param onFenceLine the key is written as {@code id=key} on a {@code :::} line, else as {@code {#key}} at the line's end
     * @param key         the key as written, or null
     * @param suggested   for a slot without key: the key to give it (the id readers' links used so far when free)
     * @param signature   what must agree between two editions at this place: figure attributes, timeline date and target
     */
    public record KeySlot(String kind, int line, boolean onFenceLine, String key, String suggested, String signature) {
    }

    /** The state of reading one file. */
    private static final class Run {
        private final String file;
        private final boolean keysRequired;
        private final List<ContentProblem> problems = new ArrayList<>();
        private final List<SectionDraft> sections = new ArrayList<>();
        private final Map<String, Integer> definitionLines = new LinkedHashMap<>();
        private final Map<String, String> definitions = new HashMap<>();
        private final List<TimelineEntry> timeline = new ArrayList<>();
        private final List<KeySlot> slots = new ArrayList<>();
        private final List<int[]> keylessTimeline = new ArrayList<>(); // {slot index, timeline index}
        private SectionDraft section;
        private final List<String> paragraph = new ArrayList<>();
        private int paragraphLine;
        private boolean paragraphIsQuote;
        private int exchange;
        private boolean inAnswer;

        Run(String file, boolean keysRequired) {
            this.file = file;
            this.keysRequired = keysRequired;
        }

        void throwProblems() {
            if (!problems.isEmpty()) {
                throw new InvalidContentException(problems);
            }
        }

        ParsedTranslation parse(String markdown) {
            if (markdown.startsWith("\uFEFF")) {
                markdown = markdown.substring(1);
            }
            List<String> lines = markdown.lines().toList();
            FrontMatterReader.Result front = new FrontMatterReader(file, problems).read(lines);
            section = new SectionDraft(OPENING_ANCHOR, null, front.bodyStart() + 1, -1);
            sections.add(section);
            readBody(lines, front.bodyStart());
            flush();
            List<Section> finished = finishSections();
            List<Footnote> footnotes = orderFootnotes(finished);
            if (keysRequired) { // targets may name keys a file without keys does not have yet; checked once the keys are written
                checkTimeline(finished, footnotes);
                checkEditorialNotes(finished);
            }
            return new ParsedTranslation(front.metadata(), finished, footnotes, List.copyOf(timeline));
        }

        private void readBody(List<String> lines, int start) {
            for (int i = start; i < lines.size(); i++) {
                String line = lines.get(i);
                int number = i + 1;
                String stripped = line.strip();
                Matcher definition = FOOTNOTE_DEFINITION.matcher(line);
                if (stripped.isEmpty()) {
                    flush();
                } else if (line.startsWith("## ")) {
                    flush();
                    startSection(line.substring(3), number);
                } else if (line.startsWith("#")) {
                    flush();
                    problem(number, "Only level-2 headings ('## ') start sections.",
                            "Write '## Title {#key}' for a section; the work's title belongs in the front matter.");
                } else if (stripped.startsWith(":::")) {
                    flush();
                    i = readFence(lines, i);
                } else if (definition.matches()) {
                    flush();
                    i = readDefinition(lines, i, definition.group(1), definition.group(2));
                } else if (line.startsWith(">")) {
                    if (!paragraph.isEmpty() && !paragraphIsQuote) {
                        flush();
                    }
                    addLine(line.replaceFirst("^>\\s?", ""), number, true);
                } else {
                    if (paragraphIsQuote) {
                        flush();
                    }
                    addLine(line, number, false);
                }
            }
        }

        private void addLine(String text, int number, boolean quote) {
            if (paragraph.isEmpty()) {
                paragraphLine = number;
                paragraphIsQuote = quote;
            }
            paragraph.add(text);
        }

        private void startSection(String heading, int number) {
            Matcher written = TRAILING_KEYS.matcher(heading);
            String title = heading;
            String key = null;
            if (written.find()) {
                title = heading.substring(0, written.start());
                key = written.group(1).strip();
                if (!KEY.matcher(key).matches()) {
                    problem(number, "The heading's key '" + key + "' is not a key.",
                            "A heading renders one section: write one key of lower-case letters, digits and '-', e.g. {#prigione-delle-nazioni}.");
                }
                checkLength(key, number);
            } else if (keysRequired) {
                problem(number, "The heading has no key.", ASSIGN_KEYS_FIX);
            }
            if (title.isBlank()) {
                problem(number, "The heading has no title.", "Write the section's title after '## '.");
            }
            int slot = slots.size();
            slots.add(new KeySlot("HEADING", number, false, key, key == null ? AnchorNames.slugOf(title) : null, ""));
            section = new SectionDraft(key == null ? "#" + slot : key, title.strip(), number, slot);
            sections.add(section);
            inAnswer = false;
        }

        private void flush() {
            if (paragraph.isEmpty()) {
                return;
            }
            String text = String.join("\n", paragraph);
            int lastLine = paragraphLine + paragraph.size() - 1;
            paragraph.clear();
            String written = null;
            Matcher keys = TRAILING_KEYS.matcher(text);
            if (keys.find()) {
                written = keys.group(1).strip();
                text = text.substring(0, keys.start());
            }
            BlockKind kind;
            Integer exchangeNumber = null;
            Matcher lookAlike = LOOK_ALIKE_MARKER.matcher(text);
            if (!paragraphIsQuote && lookAlike.find() && !text.startsWith("Q:") && !text.startsWith("A:")) {
                problem(paragraphLine, "The paragraph starts with '" + lookAlike.group() + "', which looks like an interview marker"
                                + " but is not the Latin 'Q:' or 'A:'.",
                        "Write 'Q:' (Latin Q) before a question and 'A:' (Latin A) before an answer, in every language;"
                                + " if the paragraph really starts this way, write a backslash before it: '\\" + lookAlike.group() + "'.");
            }
            if (text.startsWith("\\") && text.length() > 1 && LOOK_ALIKE_MARKER.matcher(text.substring(1)).find()) {
                text = text.substring(1); // accepted explicitly as a paragraph
            }
            if (paragraphIsQuote) {
                kind = BlockKind.QUOTATION;
                exchangeNumber = inAnswer ? exchange : null;
            } else if (text.startsWith("Q:")) {
                kind = BlockKind.QUESTION;
                exchange++;
                exchangeNumber = exchange;
                inAnswer = false;
                text = text.substring(2).strip();
            } else if (text.startsWith("A:")) {
                kind = BlockKind.ANSWER;
                if (exchange == 0 || !section.hasQuestion) {
                    problem(paragraphLine, "This answer ('A:') follows no question.",
                            "Put the question in a paragraph starting with 'Q:' before it.");
                }
                inAnswer = true;
                exchangeNumber = exchange;
                text = text.substring(2).strip();
            } else if (inAnswer) {
                kind = BlockKind.ANSWER;
                exchangeNumber = exchange;
            } else {
                kind = BlockKind.PARAGRAPH;
            }
            if (kind == BlockKind.QUESTION) {
                section.hasQuestion = true;
            }
            if (text.isBlank()) {
                problem(paragraphLine, "This " + kind.name().toLowerCase() + " is empty.", "Write its text or remove the line.");
            }
            addBlock(written, lastLine, false, kind, text.strip(), paragraphLine, exchangeNumber, null, null, "");
        }

        private void addBlock(String written, int keyLine, boolean onFence, BlockKind kind, String markdown, int line,
                              Integer exchangeNumber, Figure figure, String annotates, String signature) {
            BlockKeys keys = written == null ? null : blockKeys(written, keyLine, onFence);
            if (written == null && keysRequired) {
                problem(keyLine, "This " + kind.name().toLowerCase() + " has no key.", ASSIGN_KEYS_FIX);
            }
            int slot = slots.size();
            slots.add(new KeySlot(kind.name(), keyLine, onFence, written, null, signature));
            section.blocks.add(new BlockDraft(keys, slot, kind, markdown, line, exchangeNumber, figure, annotates));
        }

        /** {@code key}, {@code key.2} (second part of a split block) or {@code key1 key2} (one block for two). */
        private BlockKeys blockKeys(String written, int line, boolean onFence) {
            String[] parts = written.split("\\s+");
            if (parts.length > 1) {
                for (String part : parts) {
                    if (!KEY.matcher(part).matches()) {
                        problem(line, "'" + part + "' in {#" + written + "} is not a key.",
                                "A block that renders several reference blocks lists their keys: {#first-key second-key}.");
                    }
                    checkLength(part, line);
                }
                if (onFence) {
                    problem(line, "A figure or note has one key, not '" + written + "'.", "Write id=one-key.");
                }
                return new BlockKeys(parts[0], List.of(parts));
            }
            Matcher part = PART.matcher(written);
            if (part.matches() && KEY.matcher(part.group(1)).matches()) {
                checkLength(part.group(1), line);
                return new BlockKeys(written, List.of(part.group(1)));
            }
            if (!KEY.matcher(written).matches()) {
                problem(line, "The key '" + written + "' is not valid.",
                        "Use lower-case letters, digits and '-', e.g. {#akimat-in-fiamme}; {#key.2} for the second part of a split block.");
            }
            checkLength(written, line);
            return new BlockKeys(written, List.of(written));
        }

        private int readFence(List<String> lines, int open) {
            String header = lines.get(open).strip().substring(3).strip();
            int close = open + 1;
            while (close < lines.size() && !lines.get(close).strip().equals(":::")) {
                close++;
            }
            if (close >= lines.size()) {
                problem(open + 1, "The block '::: " + header + "' is never closed.", "Add a line ':::' after its last line.");
                return lines.size();
            }
            List<String> inner = lines.subList(open + 1, close);
            String type = header.split("\\s+", 2)[0];
            switch (type) {
                case "figure" -> readFigure(header.substring(type.length()), inner, open + 1);
                case "editorial" -> readEditorial(header.substring(type.length()), inner, open + 1);
                case "timeline" -> readTimeline(inner, open + 2);
                default -> problem(open + 1, "Unknown block '::: " + type + "'.",
                        "Use '::: figure' for a photo caption, '::: editorial' for the archive's note or '::: timeline' for the timeline.");
            }
            return close;
        }

        private Map<String, String> attributes(String attributeText, int line, Set<String> allowed, String example) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher m = ATTRIBUTE.matcher(attributeText);
            int consumed = 0;
            while (m.find()) {
                if (!attributeText.substring(consumed, m.start()).isBlank()) {
                    break;
                }
                attributes.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
                consumed = m.end();
            }
            if (!attributeText.substring(consumed).isBlank()) {
                problem(line, "Cannot read the attributes '" + attributeText.strip() + "'.", "Write them as " + example + ".");
            }
            for (String key : attributes.keySet()) {
                if (!allowed.contains(key)) {
                    problem(line, "Unknown attribute '" + key + "'.", "Use " + String.join(", ", allowed.stream().sorted().toList()) + ".");
                }
            }
            return attributes;
        }

        private void readFigure(String attributeText, List<String> inner, int line) {
            Map<String, String> attributes = attributes(attributeText, line, FIGURE_ATTRIBUTES,
                    "date=2022-01-05 credit=\"Name Surname\" image=file.jpg id=my-key");
            String date = attributes.get("date");
            if (date != null && !FrontMatterReader.PARTIAL_DATE.matcher(date).matches()) {
                problem(line, "The figure date '" + date + "' is not a date.", "Write YYYY, YYYY-MM or YYYY-MM-DD.");
            }
            String image = attributes.get("image");
            if (image != null && !image.matches("[A-Za-z0-9._-]+")) {
                problem(line, "The image name '" + image + "' is not a plain file name.",
                        "Name a file in content/<language>/images/ using letters, digits, '.', '_' and '-'.");
            }
            String caption = String.join("\n", inner).strip();
            if (caption.isEmpty()) {
                problem(line, "The figure has no caption.", "Write the caption between '::: figure' and ':::'.");
            }
            String signature = "date=" + date + " credit=" + attributes.get("credit") + " image=" + image;
            addBlock(attributes.get("id"), line, true, BlockKind.FIGURE, caption, line + 1, inAnswer ? exchange : null,
                    new Figure(date, attributes.get("credit"), image), null, signature);
        }

        private void readEditorial(String attributeText, List<String> inner, int line) {
            Map<String, String> attributes = attributes(attributeText, line, EDITORIAL_ATTRIBUTES, "on=key-of-the-passage id=my-key");
            String on = attributes.get("on");
            if (on == null) {
                problem(line, "The editorial note does not say which passage it is about.",
                        "Add on=<key of the passage> to the '::: editorial' line, e.g. '::: editorial on=intervento-csto'.");
            }
            String text = String.join("\n", inner).strip();
            if (text.isEmpty()) {
                problem(line, "The editorial note is empty.", "Write the note between '::: editorial' and ':::'.");
            }
            addBlock(attributes.get("id"), line, true, BlockKind.EDITORIAL, text, line + 1, inAnswer ? exchange : null, null, on,
                    "on=" + on);
        }

        private void readTimeline(List<String> inner, int firstLine) {
            for (int i = 0; i < inner.size(); i++) {
                String line = inner.get(i).strip();
                int number = firstLine + i;
                if (line.isEmpty()) {
                    continue;
                }
                String key = null;
                Matcher written = TRAILING_KEYS.matcher(line);
                if (written.find()) {
                    key = written.group(1).strip();
                    line = line.substring(0, written.start());
                    if (!KEY.matcher(key).matches()) {
                        problem(number, "The event's key '" + key + "' is not valid.", "Use lower-case letters, digits and '-'.");
                    }
                    checkLength(key, number);
                } else if (keysRequired) {
                    problem(number, "The timeline event has no key.", ASSIGN_KEYS_FIX);
                }
                String[] parts = line.startsWith("- ") ? line.substring(2).split("\\|", -1) : new String[0];
                boolean outside = parts.length == 4 && parts[3].strip().equals("outside");
                if (parts.length != 3 && !outside) {
                    problem(number, "Cannot read the timeline line '" + line + "'.",
                            "Write '- DATE | LABEL | TARGET {#key}', and '| outside' after TARGET when the date comes from outside the text.");
                    continue;
                }
                String[] dates = parts[0].strip().split("\\.\\.", -1);
                boolean datesOk = dates.length <= 2;
                for (String date : dates) {
                    datesOk &= FrontMatterReader.PARTIAL_DATE.matcher(date.strip()).matches();
                }
                if (!datesOk) {
                    problem(number, "The timeline date '" + parts[0].strip() + "' is not a date.",
                            "Write YYYY, YYYY-MM, YYYY-MM-DD or a range START..END.");
                    continue;
                }
                String label = parts[1].strip();
                if (label.isEmpty()) {
                    problem(number, "The timeline event has no label.", "Describe the event between the two '|'.");
                }
                String target = parts[2].strip();
                if (key == null) {
                    keylessTimeline.add(new int[] {slots.size(), timeline.size()});
                }
                slots.add(new KeySlot("TIMELINE", number, false, key, null,
                        parts[0].strip() + " → " + target + (outside ? " (outside)" : "")));
                timeline.add(new TimelineEntry(key, dates[0].strip(), dates.length == 2 ? dates[1].strip() : null, label, target,
                        outside, number));
            }
        }

        private int readDefinition(List<String> lines, int start, String label, String firstLine) {
            StringBuilder text = new StringBuilder(firstLine.strip());
            int i = start + 1;
            while (i < lines.size() && !lines.get(i).isBlank() && lines.get(i).startsWith("  ")) {
                text.append('\n').append(lines.get(i).strip());
                i++;
            }
            if (label.length() > MAX_NOTE_LABEL_LENGTH) {
                problem(start + 1, "The note label [^" + label.substring(0, 10) + "…] is " + label.length() + " characters long.",
                        "Use a short label of at most " + MAX_NOTE_LABEL_LENGTH + " characters, e.g. [^1].");
            } else if (!NOTE_LABEL.matcher(label).matches()) {
                problem(start + 1, "The note label [^" + label + "] is not usable in a link.",
                        "Use letters, digits and '-' in note labels, e.g. [^1] for the author's notes, [^t1] for a translator's.");
            }
            if (definitions.containsKey(label)) {
                problem(start + 1, "The note [^" + label + "] is written twice (first at line "
                        + definitionLines.get(label) + ").", "Keep one of the two definitions.");
            } else {
                definitions.put(label, text.toString());
                definitionLines.put(label, start + 1);
            }
            if (text.isEmpty()) {
                problem(start + 1, "The note [^" + label + "] is empty.", "Write the note's text after '[^" + label + "]: '.");
            }
            return i - 1;
        }

        private List<Section> finishSections() {
            Set<String> written = new HashSet<>();
            slots.stream().filter(s -> s.key() != null).forEach(s -> written.addAll(List.of(s.key().split("\\s+"))));
            Map<String, Integer> idLines = new HashMap<>();
            List<Section> finished = new ArrayList<>();
            for (SectionDraft draft : sections) {
                if (draft.slot < 0 && draft.blocks.isEmpty()) {
                    continue;
                }
                String sectionKey = draft.anchor;
                if (draft.slot >= 0 && slots.get(draft.slot).key() == null) {
                    sectionKey = free(slots.get(draft.slot).suggested(), written);
                    suggest(draft.slot, sectionKey);
                }
                claim(sectionKey, draft.line, idLines);
                List<Block> blocks = new ArrayList<>();
                for (int i = 0; i < draft.blocks.size(); i++) {
                    BlockDraft b = draft.blocks.get(i);
                    BlockKeys keys = b.keys;
                    if (keys == null) {
                        // the id this block had when ids were positions, so that readers' links keep working
                        String key = free(sectionKey + "-" + (i + 1), written);
                        suggest(b.slot, key);
                        keys = new BlockKeys(key, List.of(key));
                    }
                    claim(keys.anchor, slots.get(b.slot).line(), idLines);
                    for (String alias : keys.keys.subList(1, keys.keys.size())) {
                        claim(alias, slots.get(b.slot).line(), idLines);
                    }
                    blocks.add(new Block(keys.anchor, keys.keys, b.kind, b.markdown, b.line, b.exchange, b.figure, b.annotates));
                }
                finished.add(new Section(sectionKey, draft.title, draft.line, blocks));
            }
            for (int[] keyless : keylessTimeline) {
                TimelineEntry entry = timeline.get(keyless[1]);
                String key = free("ev-" + entry.dateStart(), written);
                suggest(keyless[0], key);
                timeline.set(keyless[1], new TimelineEntry(key, entry.dateStart(), entry.dateEnd(), entry.label(), entry.target(),
                        entry.outsideText(), entry.line()));
            }
            for (TimelineEntry entry : timeline) {
                claim(entry.key(), entry.line(), idLines);
            }
            return finished;
        }

        private void suggest(int slot, String key) {
            KeySlot s = slots.get(slot);
            slots.set(slot, new KeySlot(s.kind(), s.line(), s.onFenceLine(), null, key, s.signature()));
        }

        private static String free(String wanted, Set<String> taken) {
            String key = wanted;
            for (int n = 2; taken.contains(key); n++) {
                key = wanted + "-" + n;
            }
            taken.add(key);
            return key;
        }

        private void claim(String id, int line, Map<String, Integer> idLines) {
            Integer first = idLines.putIfAbsent(id, line);
            if (first != null) {
                problem(line, "The key '" + id + "' is used twice (first at line " + first + ").",
                        "Keys are unique in a file: a split block's second part is {#" + id + ".2}; otherwise give one of the two another key.");
            }
            if (id.startsWith("note-") || id.startsWith("ref-") || id.startsWith("event-")) {
                problem(line, "The key '" + id + "' is reserved for notes and timeline events.", "Choose another key.");
            }
        }

        private List<Footnote> orderFootnotes(List<Section> finished) {
            Map<String, Integer> positions = new LinkedHashMap<>();
            for (Section s : finished) {
                for (Block b : s.blocks()) {
                    Matcher m = FOOTNOTE_REFERENCE.matcher(b.markdown());
                    while (m.find()) {
                        String label = m.group(1);
                        if (!definitions.containsKey(label)) {
                            int line = b.line() + (int) b.markdown().substring(0, m.start()).chars().filter(c -> c == '\n').count();
                            problem(line, "The footnote reference [^" + label + "] has no note.",
                                    "Add a line '[^" + label + "]: text of the note' at the end of the file, or remove the reference.");
                        } else {
                            positions.putIfAbsent(label, positions.size() + 1);
                        }
                    }
                }
            }
            List<Footnote> footnotes = new ArrayList<>();
            definitionLines.forEach((label, line) -> {
                Integer position = positions.get(label);
                if (position == null) {
                    problem(line, "The note [^" + label + "] is never referenced.",
                            "Cite it with [^" + label + "] where it belongs in the text, or remove it.");
                } else {
                    NoteKind kind = TRANSLATOR_LABEL.matcher(label).matches() ? NoteKind.TRANSLATOR : NoteKind.AUTHOR;
                    footnotes.add(new Footnote(position, label, kind, definitions.get(label), line));
                }
            });
            footnotes.sort((a, b) -> Integer.compare(a.position(), b.position()));
            return footnotes;
        }

        private void checkTimeline(List<Section> finished, List<Footnote> footnotes) {
            Set<String> anchors = new HashSet<>();
            finished.forEach(s -> s.blocks().forEach(b -> {
                anchors.add(b.anchor());
                anchors.addAll(b.keys());
            }));
            footnotes.forEach(f -> anchors.add(f.anchor()));
            for (TimelineEntry entry : timeline) {
                if (!anchors.contains(entry.target())) {
                    problem(entry.line(), "The timeline target '" + entry.target() + "' is not the key of any passage.",
                            "Use the key of the block that tells the event or note-LABEL for the note [^LABEL].");
                }
            }
        }

        private void checkEditorialNotes(List<Section> finished) {
            Set<String> keys = new HashSet<>();
            finished.forEach(s -> {
                keys.add(s.anchor());
                s.blocks().forEach(b -> keys.addAll(b.keys()));
            });
            for (Section s : finished) {
                for (Block b : s.blocks()) {
                    if (b.kind() == BlockKind.EDITORIAL && b.annotates() != null && !keys.contains(b.annotates())) {
                        problem(b.line() - 1, "The editorial note is about '" + b.annotates() + "', which is not the key of any passage.",
                                "Write on=<key> with the key of the passage the note is about.");
                    }
                }
            }
        }

        private void checkLength(String key, int line) {
            if (key.length() > MAX_ID_LENGTH) {
                problem(line, "The key '" + key.substring(0, 20) + "…' is " + key.length() + " characters long.",
                        "Use a key of at most " + MAX_ID_LENGTH + " characters.");
            }
        }

        private void problem(int line, String message, String fix) {
            problems.add(new ContentProblem(file, line, message, fix));
        }
    }

    private static final class SectionDraft {
        final String anchor;
        final String title;
        final int line;
        final int slot; // -1 for the opening, which has no heading
        final List<BlockDraft> blocks = new ArrayList<>();
        boolean hasQuestion;

        SectionDraft(String anchor, String title, int line, int slot) {
            this.anchor = anchor;
            this.title = title;
            this.line = line;
            this.slot = slot;
        }
    }

    private record BlockKeys(String anchor, List<String> keys) {
    }

    private record BlockDraft(BlockKeys keys, int slot, BlockKind kind, String markdown, int line, Integer exchange,
                              Figure figure, String annotates) {
    }
}
