package org.kzarchive.search;

import static org.kzarchive.search.PassageFields.*;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/** Turns a passage into a Lucene document and a stored document back into a passage. */
final class PassageDocuments {

    private PassageDocuments() {
    }

    static Term idTerm(String passageId) {
        return new Term(ID, passageId);
    }

    static Term translationTerm(long translationId) {
        return new Term(TRANSLATION, Long.toString(translationId));
    }

    static Document toDocument(Passage passage) {
        Document doc = new Document();
        doc.add(new StringField(ID, passage.id(), Field.Store.YES));
        doc.add(new StringField(TRANSLATION, Long.toString(passage.translationId()), Field.Store.YES));
        doc.add(new StringField(LANGUAGE, passage.language(), Field.Store.YES));
        doc.add(new SortedDocValuesField(LANGUAGE, new BytesRef(passage.language())));
        doc.add(new StringField(KIND, passage.kind().parameter(), Field.Store.YES));
        doc.add(new SortedDocValuesField(KIND, new BytesRef(passage.kind().parameter())));
        doc.add(new StoredField(WORK_SLUG, passage.workSlug()));
        doc.add(new StoredField(WORK_TITLE, passage.workTitle()));
        if (passage.sectionTitle() != null) {
            doc.add(new StoredField(SECTION_TITLE, passage.sectionTitle()));
        }
        doc.add(new StoredField(ANCHOR, passage.anchor()));
        doc.add(new StoredField(URL, passage.url()));
        doc.add(new StringField(ALIGNMENT, passage.alignment(), Field.Store.NO));

        String text = passage.text();
        doc.add(new Field(TextLanguage.of(passage.language()).field(), text, STORED_TEXT));
        doc.add(new Field(WORDS, text, EXTRA_TEXT));
        doc.add(new Field(NAME_VARIANTS, text, EXTRA_TEXT));
        doc.add(new Field(SPELLING, text, DICTIONARY));
        return doc;
    }

    static Passage toPassage(Document doc) {
        String language = doc.get(LANGUAGE);
        return new Passage(
                doc.get(ID),
                language,
                doc.get(WORK_SLUG),
                doc.get(WORK_TITLE),
                Long.parseLong(doc.get(TRANSLATION)),
                PassageKind.fromParameter(doc.get(KIND)).orElseThrow(),
                doc.get(SECTION_TITLE),
                doc.get(ANCHOR),
                doc.get(URL),
                doc.get(TextLanguage.of(language).field()));
    }
}
