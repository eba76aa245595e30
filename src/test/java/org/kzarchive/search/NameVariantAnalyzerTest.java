package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keys names get in the name-variant field, in both alphabets. */
class NameVariantAnalyzerTest {

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(PassageFields.NAME_VARIANTS, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add((increment.getPositionIncrement() == 0 ? "=" : "") + term);
            }
            stream.end();
        }
        return terms;
    }

    @ParameterizedTest(name = "{0} and {1} share the key {2}")
    @CsvSource({"Токаев, Tokayev, tokaev", "Токаев, Tokaev, tokaev", "Назарбаев, Nazarbayev, nazarbaev",
            "Алматы, Almaty, almaty", "Жанаозен, Zhanaozen, zhanaozen", "Казахстан, Kazakhstan, kazahstan",
            "Горбачёв, Gorbachev, gorbacev", "Горбачев, Gorbaciov, gorbacev"})
    void aNameHasOneKeyInBothAlphabets(String cyrillic, String latin, String key) throws IOException {
        Analyzer queries = NameVariantAnalyzer.forQueries();
        assertThat(terms(queries, cyrillic)).contains(key);
        assertThat(terms(queries, latin)).containsExactly(key);
    }

    @Test
    void anInflectedRussianNameAlsoKeepsItsFormWithoutTheCaseEnding() throws IOException {
        assertThat(terms(NameVariantAnalyzer.forIndexing(), "отставки Назарбаева и Токаевым"))
                .containsExactly("nazarbaeva", "=nazarbaev", "tokaevym", "=tokaev");
    }

    @Test
    void latinWordsAreNotTransliteratedOrStemmed() throws IOException {
        assertThat(terms(NameVariantAnalyzer.forIndexing(), "Il presidente Tokayev ad Almaty")).containsExactly("tokaev", "almaty");
    }

    @Test
    void offsetsStayOnTheCyrillicWordForHighlighting() throws IOException {
        try (TokenStream stream = NameVariantAnalyzer.forIndexing().tokenStream(PassageFields.NAME_VARIANTS, "в Жанаозене")) {
            OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                assertThat(offsets.startOffset()).isEqualTo(2);
                assertThat(offsets.endOffset()).isEqualTo(11);
            }
            stream.end();
        }
    }
}
