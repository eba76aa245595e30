package org.kzarchive.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kzarchive.archive.BlockKind;
import org.kzarchive.importing.ParsedTranslation.Block;
import org.kzarchive.importing.ParsedTranslation.Figure;
import org.kzarchive.importing.ParsedTranslation.Footnote;
import org.kzarchive.importing.ParsedTranslation.Section;
import org.kzarchive.importing.ParsedTranslation.TimelineEntry;

/**
 * Reads a translation written in the convention of content/README.md into its structure, and
 * checks it. Every problem found is reported at once, each with its line and its fix. The one
 * parser for the seed import and the editors' form.
 */
public class TranslationParser {

    public static final String OPENING_ANCHOR = "apertura";
    // Every pattern here runs in linear time on any input (an editor's preview runs them on whatever is
    // pasted): no pattern can start a match inside text another attempt already scanned, or it is possessive.
    // A label cannot contain '[' or '^', so a match attempt never runs past the next "[^".
    public static final Pattern FOOTNOTE_REFERENCE = Pattern.compile("\\[\\^([^\\]\\[\\s^]++)]");
    private static final Pattern VALID_ID = Pattern.compile("[a-z0-9]++(-[a-z0-9]++)*+");
    private static final Pattern FOOTNOTE_DEFINITION = Pattern.compile("\\[\\^([^\\]\\[\\s^]++)]:[ \\t]?+(.*+)");
    private static final Pattern VALID_LABEL = Pattern.compile("[\\p{L}\\p{N}_-]++");
    private static final Pattern NOTE_TARGET = Pattern.compile("note-(\\d+)");
    /** a longer line is refused before anything else reads it: no paragraph of a text is near this */
    public static final int MAX_LINE_LENGTH = 50_000;
    private static final int SHOWN_LENGTH = 60;
    // the database keeps anchors in 120 characters, with room for a block's "-N" after its section's id
    private static final int MAX_ID_LENGTH = 80;
    private static final int MAX_NOTE_LABEL_LENGTH = 40;

    public ParsedTranslation parse(String file, String markdown) {
        return new Run(file).parse(markdown);
    }

    /** The state of reading one file. */
    private static final class Run {
        private final String file;
        private final List<ContentProblem> problems = new ArrayList<>();
        private final List<SectionDraft> sections = new ArrayList<>();
        private final Map<String, Integer> definitionLines = new LinkedHashMap<>();
        private final Map<String, String> definitions = new HashMap<>();
        private final List<TimelineEntry> timeline = new ArrayList<>();
        private SectionDraft section;
        private final List<String> paragraph = new ArrayList<>();
        private int paragraphLine;
        private boolean paragraphIsQuote;
        private int exchange;
        private boolean inAnswer;

        Run(String file) {
            this.file = file;
        }

        ParsedTranslation parse(String markdown) {
            if (markdown.startsWith("\uFEFF")) {
                markdown = markdown.substring(1);
            }
            List<String> lines = markdown.lines().toList();
            FrontMatterReader.Result front = new FrontMatterReader(file, problems).read(lines);
            section = new SectionDraft(OPENING_ANCHOR, null, front.bodyStart() + 1);
            sections.add(section);
            readBody(lines, front.bodyStart());
            flush();
            List<Section> finished = finishSections();
            List<Footnote> footnotes = numberFootnotes(finished);
            checkTimeline(finished, footnotes);
            if (!problems.isEmpty()) {
                throw new InvalidContentException(problems);
            }
            return new ParsedTranslation(front.metadata(), finished, footnotes, timeline);
        }

        private void readBody(List<String> lines, int start) {
            for (int i = start; i < lines.size(); i++) {
                String line = lines.get(i);
                int number = i + 1;
                if (line.length() > MAX_LINE_LENGTH) {
                    problem(number, "This line is " + line.length() + " characters long, more than the " + MAX_LINE_LENGTH
                            + " a line may have.", "Break it into paragraphs with an empty line between them.");
                    flush();
                    continue;
                }
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
                            "Write '## Title {#id}' for a section; the work's title belongs in the front matter.");
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
            FixedId fixed = FixedId.at(heading);
            String title = heading;
            String anchor;
            if (fixed != null) {
                title = heading.substring(0, fixed.start());
                anchor = checkedId(fixed.id(), number);
            } else {
                anchor = AnchorNames.slugOf(heading);
            }
            if (title.isBlank()) {
                problem(number, "The heading has no title.", "Write the section's title after '## '.");
            }
            section = new SectionDraft(anchor, title.strip(), number);
            sections.add(section);
            inAnswer = false;
        }

        private void flush() {
            if (paragraph.isEmpty()) {
                return;
            }
            String text = String.join("\n", paragraph);
            paragraph.clear();
            String anchor = null;
            FixedId fixed = FixedId.at(text);
            if (fixed != null) {
                anchor = checkedId(fixed.id(), paragraphLine + (int) text.substring(0, fixed.start()).lines().count() - 1);
                text = text.substring(0, fixed.start());
            }
            BlockKind kind;
            Integer exchangeNumber = null;
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
            section.blocks.add(new BlockDraft(anchor, kind, text.strip(), paragraphLine, exchangeNumber, null));
        }

        private int readFence(List<String> lines, int open) {
            String header = lines.get(open).strip().substring(3).strip();
            int space = 0;
            while (space < header.length() && !Character.isWhitespace(header.charAt(space))) {
                space++;
            }
            int close = open + 1;
            while (close < lines.size() && !lines.get(close).strip().equals(":::")) {
                close++;
            }
            if (close >= lines.size()) {
                problem(open + 1, "The block '::: " + shown(header) + "' is never closed.", "Add a line ':::' after its last line.");
                return lines.size();
            }
            List<String> inner = lines.subList(open + 1, close);
            String type = header.substring(0, space);
            switch (type) {
                case "figure" -> readFigure(header.substring(type.length()), inner, open + 1);
                case "timeline" -> readTimeline(inner, open + 2);
                default -> problem(open + 1, "Unknown block '::: " + shown(type) + "'.",
                        "Use '::: figure' for a photo caption or '::: timeline' for the timeline.");
            }
            return close;
        }

        private void readFigure(String attributeText, List<String> inner, int line) {
            Map<String, String> attributes = FigureAttributes.read(attributeText);
            if (attributes == null) {
                problem(line, "Cannot read the figure's attributes '" + shown(attributeText.strip()) + "'.",
                        "Write them as date=2022-01-05 credit=\"Name Surname\" image=file.jpg id=my-id.");
                attributes = Map.of();
            }
            for (String key : attributes.keySet()) {
                if (!List.of("date", "credit", "image", "id").contains(key)) {
                    problem(line, "Unknown figure attribute '" + shown(key) + "'.", "Use date, credit, image or id.");
                }
            }
            String date = attributes.get("date");
            if (date != null && !FrontMatterReader.PARTIAL_DATE.matcher(date).matches()) {
                problem(line, "The figure date '" + shown(date) + "' is not a date.", "Write YYYY, YYYY-MM or YYYY-MM-DD.");
            }
            String image = attributes.get("image");
            if (image != null && !image.matches("[A-Za-z0-9._-]++") ) {
                problem(line, "The image name '" + shown(image) + "' is not a plain file name.",
                        "Name a file in content/<language>/images/ using letters, digits, '.', '_' and '-'.");
            }
            String caption = String.join("\n", inner).strip();
            if (caption.isEmpty()) {
                problem(line, "The figure has no caption.", "Write the caption between '::: figure' and ':::'.");
            }
            String anchor = attributes.containsKey("id") ? checkedId(attributes.get("id"), line) : null;
            section.blocks.add(new BlockDraft(anchor, BlockKind.FIGURE, caption, line + 1, inAnswer ? exchange : null,
                    new Figure(date, attributes.get("credit"), image)));
        }

        private void readTimeline(List<String> inner, int firstLine) {
            for (int i = 0; i < inner.size(); i++) {
                String line = inner.get(i).strip();
                int number = firstLine + i;
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.startsWith("- ") ? line.substring(2).split("\\|", -1) : new String[0];
                if (parts.length != 3) {
                    problem(number, "Cannot read the timeline line '" + shown(line) + "'.",
                            "Write '- DATE | LABEL | TARGET', e.g. '- 2022-01-05 | L'Akimat in fiamme | akimat-in-fiamme'.");
                    continue;
                }
                String[] dates = parts[0].strip().split("\\.\\.", -1);
                boolean datesOk = dates.length <= 2;
                for (String date : dates) {
                    datesOk &= FrontMatterReader.PARTIAL_DATE.matcher(date.strip()).matches();
                }
                if (!datesOk) {
                    problem(number, "The timeline date '" + shown(parts[0].strip()) + "' is not a date.",
                            "Write YYYY, YYYY-MM, YYYY-MM-DD or a range START..END.");
                    continue;
                }
                String label = parts[1].strip();
                if (label.isEmpty()) {
                    problem(number, "The timeline event has no label.", "Describe the event between the two '|'.");
                }
                timeline.add(new TimelineEntry(dates[0].strip(), dates.length == 2 ? dates[1].strip() : null, label,
                        parts[2].strip(), number));
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
                return i - 1;
            }
            if (!VALID_LABEL.matcher(label).matches()) {
                problem(start + 1, "The note label [^" + label + "] has characters a label cannot have.",
                        "Use letters, digits, '-' and '_' only, e.g. [^1] or [^almaty-2022].");
                return i - 1;
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
            Map<String, Integer> idLines = new HashMap<>();
            List<Section> finished = new ArrayList<>();
            for (SectionDraft draft : sections) {
                if (draft.anchor.equals(OPENING_ANCHOR) && draft.title == null && draft.blocks.isEmpty()) {
                    continue;
                }
                claim(draft.anchor, draft.line, idLines);
                List<Block> blocks = new ArrayList<>();
                for (int i = 0; i < draft.blocks.size(); i++) {
                    BlockDraft b = draft.blocks.get(i);
                    String anchor = b.anchor != null ? b.anchor : draft.anchor + "-" + (i + 1);
                    claim(anchor, b.line, idLines);
                    blocks.add(new Block(anchor, b.kind, b.markdown, b.line, b.exchange, b.figure));
                }
                finished.add(new Section(draft.anchor, draft.title, draft.line, blocks));
            }
            return finished;
        }

        private void claim(String id, int line, Map<String, Integer> idLines) {
            Integer first = idLines.putIfAbsent(id, line);
            if (first != null) {
                problem(line, "The id '" + id + "' is used twice (first at line " + first + ").",
                        "Give one of the two another id: ids must be unique in the file.");
            }
            if (NOTE_TARGET.matcher(id).matches() || id.startsWith("ref-")) {
                problem(line, "The id '" + id + "' is reserved for footnotes.", "Choose another id.");
            }
        }

        private List<Footnote> numberFootnotes(List<Section> finished) {
            Map<String, Integer> numbers = new LinkedHashMap<>();
            for (Section s : finished) {
                for (Block b : s.blocks()) {
                    Matcher m = FOOTNOTE_REFERENCE.matcher(b.markdown());
                    while (m.find()) {
                        String label = m.group(1);
                        if (!definitions.containsKey(label)) {
                            int line = b.line() + (int) b.markdown().substring(0, m.start()).chars().filter(c -> c == '\n').count();
                            if (label.length() > MAX_NOTE_LABEL_LENGTH || !VALID_LABEL.matcher(label).matches()) {
                                problem(line, "The footnote reference [^" + shown(label) + "] is not a note label.",
                                        "Use letters, digits, '-' and '_' only, at most " + MAX_NOTE_LABEL_LENGTH
                                                + " characters, e.g. [^1]; write its note with the same label.");
                                continue;
                            }
                            problem(line, "The footnote reference [^" + label + "] has no note.",
                                    "Add a line '[^" + label + "]: text of the note' at the end of the file, or remove the reference.");
                        } else {
                            numbers.putIfAbsent(label, numbers.size() + 1);
                        }
                    }
                }
            }
            List<Footnote> footnotes = new ArrayList<>();
            definitionLines.forEach((label, line) -> {
                Integer number = numbers.get(label);
                if (number == null) {
                    problem(line, "The note [^" + label + "] is never referenced.",
                            "Cite it with [^" + label + "] where it belongs in the text, or remove it.");
                } else {
                    footnotes.add(new Footnote(number, label, definitions.get(label), line));
                }
            });
            footnotes.sort((a, b) -> Integer.compare(a.number(), b.number()));
            return footnotes;
        }

        private void checkTimeline(List<Section> finished, List<Footnote> footnotes) {
            var anchors = new java.util.HashSet<String>();
            finished.forEach(s -> s.blocks().forEach(b -> anchors.add(b.anchor())));
            footnotes.forEach(f -> anchors.add(f.anchor()));
            for (TimelineEntry entry : timeline) {
                if (!anchors.contains(entry.target())) {
                    problem(entry.line(), "The timeline target '" + entry.target() + "' is not the id of any passage.",
                            "Use the id of the block that tells the event (set one with {#id}) or note-N for footnote N.");
                }
            }
        }

        private String checkedId(String id, int line) {
            if (!VALID_ID.matcher(id).matches()) {
                problem(line, "The id '" + shown(id) + "' is not valid.", "Use lower-case letters, digits and '-', e.g. {#akimat-in-fiamme}.");
            } else if (id.length() > MAX_ID_LENGTH) {
                problem(line, "The id '" + id.substring(0, 20) + "…' is " + id.length() + " characters long.",
                        "Use an id of at most " + MAX_ID_LENGTH + " characters.");
            }
            return id;
        }

        private void problem(int line, String message, String fix) {
            problems.add(new ContentProblem(file, line, message, fix));
        }

        /** what was written, shortened to fit in a message */
        private static String shown(String text) {
            return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH) + "…";
        }
    }

    /** An id fixed by hand at the end of a heading or paragraph: "… {#my-id}". Found by scanning, in linear time. */
    record FixedId(int start, String id) {

        /** @return the id and where its "{#" (with the spaces before it) starts, or null when the text ends otherwise */
        static FixedId at(String text) {
            int end = text.length();
            while (end > 0 && isSpace(text.charAt(end - 1))) {
                end--;
            }
            if (end == 0 || text.charAt(end - 1) != '}') {
                return null;
            }
            int close = end - 1;
            int open = text.indexOf("{#", text.lastIndexOf('}', close - 1) + 1);
            if (open < 0 || open + 2 > close) {
                return null;
            }
            int start = open;
            while (start > 0 && isSpace(text.charAt(start - 1))) {
                start--;
            }
            return new FixedId(start, text.substring(open + 2, close));
        }
    }

    /** The attributes after "::: figure", read left to right: name=value or name="a value". */
    static final class FigureAttributes {

        private FigureAttributes() {
        }

        /** @return the attributes, or null when something else is written there */
        static Map<String, String> read(String text) {
            Map<String, String> attributes = new HashMap<>();
            int i = 0;
            int n = text.length();
            while (true) {
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i == n) {
                    return attributes;
                }
                int nameStart = i;
                while (i < n && text.charAt(i) >= 'a' && text.charAt(i) <= 'z') {
                    i++;
                }
                if (i == nameStart || i == n || text.charAt(i) != '=') {
                    return null;
                }
                String name = text.substring(nameStart, i++);
                int closingQuote = i < n && text.charAt(i) == '"' ? text.indexOf('"', i + 1) : -1;
                String value;
                if (closingQuote > 0) {
                    value = text.substring(i + 1, closingQuote);
                    i = closingQuote + 1;
                } else {
                    int valueStart = i;
                    while (i < n && !isSpace(text.charAt(i))) {
                        i++;
                    }
                    if (i == valueStart) {
                        return null;
                    }
                    value = text.substring(valueStart, i);
                }
                attributes.put(name, value);
            }
        }
    }

    /** what \\s matches in a regular expression */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static final class SectionDraft {
        final String anchor;
        final String title;
        final int line;
        final List<BlockDraft> blocks = new ArrayList<>();
        boolean hasQuestion;

        SectionDraft(String anchor, String title, int line) {
            this.anchor = anchor;
            this.title = title;
            this.line = line;
        }
    }

    private record BlockDraft(String anchor, BlockKind kind, String markdown, int line, Integer exchange, Figure figure) {
    }
}
