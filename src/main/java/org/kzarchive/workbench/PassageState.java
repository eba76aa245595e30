package org.kzarchive.workbench;

/** Where a translated passage stands against the current reference. */
enum PassageState {
    /** translated from the current version of the source */
    TRANSLATED,
    /** translated from an earlier version: the source changed since */
    OUTDATED,
    /** not translated yet */
    MISSING;

    static PassageState of(TranslationUnits.Unit unit, String currentHash) {
        if (unit == null || !unit.translated()) {
            return MISSING;
        }
        return currentHash == null || currentHash.equals(unit.sourceHash()) ? TRANSLATED : OUTDATED;
    }
}
