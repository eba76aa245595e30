package org.kzarchive.workbench;

/** How far a translation (or one section of it) is: passages translated, outdated and missing. */
public record Progress(int translated, int outdated, int missing) {

    static final Progress NONE = new Progress(0, 0, 0);

    Progress plus(PassageState state) {
        return switch (state) {
            case TRANSLATED -> new Progress(translated + 1, outdated, missing);
            case OUTDATED -> new Progress(translated, outdated + 1, missing);
            case MISSING -> new Progress(translated, outdated, missing + 1);
        };
    }

    public int total() {
        return translated + outdated + missing;
    }

    /** Share of passages that have a translation (current or outdated), rounded down. */
    public int percent() {
        return total() == 0 ? 100 : (translated + outdated) * 100 / total();
    }

    public boolean complete() {
        return missing == 0;
    }
}
