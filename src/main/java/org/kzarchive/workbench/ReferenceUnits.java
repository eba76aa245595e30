package org.kzarchive.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kzarchive.archive.NoteKind;
import org.kzarchive.importing.ParsedTranslation;

/** The passages of an edition in reading order, one per key: what the workbench translates one by one. */
final class ReferenceUnits {

    private ReferenceUnits() {
    }

    static List<SourceUnit> of(ParsedTranslation parsed) {
        List<SourceUnit> units = new ArrayList<>();
        var meta = parsed.metadata();
        units.add(new SourceUnit(SourceUnit.TITLE, UnitKind.TITLE, SourceUnit.FRONT, meta.title(), null, null, null));
        if (meta.subtitle() != null && !meta.subtitle().isBlank()) {
            units.add(new SourceUnit(SourceUnit.SUBTITLE, UnitKind.SUBTITLE, SourceUnit.FRONT, meta.subtitle(), null, null, null));
        }
        for (ParsedTranslation.Section section : parsed.sections()) {
            if (section.title() != null) {
                units.add(new SourceUnit(section.anchor(), UnitKind.HEADING, section.anchor(), section.title(), null, null, null));
            }
            for (ParsedTranslation.Block block : section.blocks()) {
                units.add(new SourceUnit(block.anchor(), UnitKind.valueOf(block.kind().name()), section.anchor(), block.markdown(),
                        block.figure(), block.annotates(), null));
            }
        }
        for (ParsedTranslation.TimelineEntry event : parsed.timeline()) {
            units.add(new SourceUnit(event.key(), UnitKind.TIMELINE, SourceUnit.TIMELINE, event.label(), null, null, event));
        }
        for (ParsedTranslation.Footnote note : parsed.footnotes()) {
            if (note.kind() == NoteKind.AUTHOR) {
                units.add(new SourceUnit(note.label(), UnitKind.NOTE, SourceUnit.NOTES, note.markdown(), null, null, null));
            }
        }
        return units;
    }

    /**
     * The text of each key in a translation's file, as the workbench holds it. A block that renders
     * several reference keys is held by its first key; its part {@code key.2} is appended to it.
     */
    static Map<String, String> textsOf(ParsedTranslation parsed) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (SourceUnit unit : of(parsed)) {
            String key = unit.key().contains(".") && unit.kind() != UnitKind.NOTE ? unit.key().substring(0, unit.key().indexOf('.'))
                    : unit.key();
            texts.merge(key, unit.markdown(), (a, b) -> a + "\n\n" + b);
        }
        return texts;
    }
}
