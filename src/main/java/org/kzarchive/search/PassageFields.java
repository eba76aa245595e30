package org.kzarchive.search;

import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/** The index schema. Changing a field or an analyzer means bumping {@link SearchIndex#INDEX_VERSION}. */
final class PassageFields {

    static final String ID = "id";
    static final String TRANSLATION = "translation";
    static final String LANGUAGE = "language";
    static final String KIND = "kind";
    static final String WORK_SLUG = "work_slug";
    static final String WORK_TITLE = "work_title";
    static final String SECTION_TITLE = "section_title";
    static final String ANCHOR = "anchor";
    static final String URL = "url";
    /** {@link Passage#alignment()}: finds the same passage in the work's other editions. */
    static final String ALIGNMENT = "alignment";

    /** Every word, folded but not stemmed: prefix queries ({@code manifest*}) run here. */
    static final String WORDS = "words";
    /** Capitalised words reduced to a spelling key, so that Tokaev meets Tokayev. */
    static final String NAME_VARIANTS = "name_variants";
    /** Every word as written (lower case, accents kept): the dictionary for "did you mean". */
    static final String SPELLING = "spelling";

    /** The passage text in its language's field: indexed with offsets for the highlighter, stored. */
    static final FieldType STORED_TEXT = textType(true);
    /** Extra analyses of the same text; offsets refer to the stored text, so matches highlight. */
    static final FieldType EXTRA_TEXT = textType(false);
    /** Only needs to know which words exist. */
    static final FieldType DICTIONARY = dictionaryType();

    private PassageFields() {
    }

    private static FieldType textType(boolean stored) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(stored);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static FieldType dictionaryType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }
}
