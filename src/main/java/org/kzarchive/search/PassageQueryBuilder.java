package org.kzarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link ReaderQuery} into a Lucene query over all languages.
 *
 * <p>The query is analysed once per language field with that language's analyzer (the reader
 * did not tell us their language, and a word may be a stop word in one language only). Each
 * language gives one branch; a passage has text in one language field only, so the branches are
 * combined with dis-max rather than summed. Within a branch every word may also match the
 * name-variant field, at a lower weight, so that the exact spelling ranks first.
 *
 * <p>When every word and phrase of the query has something to search in every language (no word
 * is a stop word anywhere, the usual case), the branches differ only in their language fields and
 * the query is built flat instead: each word becomes one disjunction of its language terms and its
 * name variant. For a passage, which has text in one language only, that matches and scores
 * exactly as its own language's branch, while the name-variant and prefix terms are searched once
 * instead of once per language.
 */
final class PassageQueryBuilder {

    static final float NAME_VARIANT_WEIGHT = 0.5f;

    private final LanguageAnalyzers analyzers;
    // A query's words are analysed for several purposes (the flat check, the query, each language's
    // highlighting): once per word and field is enough.
    private final Map<String, List<AnalysedTerm>> analysedTexts = new HashMap<>();

    /** One builder per search: it remembers the analysis of that search's words, and is not thread-safe. */
    PassageQueryBuilder(LanguageAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** Null when nothing searchable is left after analysis (e.g. only stop words). */
    Query build(ReaderQuery query) {
        return searchableInEveryLanguage(query) ? flat(query) : perLanguage(query);
    }

    /** One branch per language, combined with dis-max; the general form (see the class comment). */
    Query perLanguage(ReaderQuery query) {
        List<Query> branches = new ArrayList<>();
        for (TextLanguage language : TextLanguage.values()) {
            Query branch = build(query, language);
            if (branch != null) {
                branches.add(branch);
            }
        }
        return switch (branches.size()) {
            case 0 -> null;
            case 1 -> branches.getFirst();
            default -> new DisjunctionMaxQuery(branches, 0.0f);
        };
    }

    /**
     * The branch of one language: what a passage in that language must match. Also used to
     * highlight a passage with only the terms of its own language.
     */
    Query build(ReaderQuery query, TextLanguage language) {
        return switch (query) {
            case ReaderQuery.Word word when word.prefix() -> prefix(word.text());
            case ReaderQuery.Word word -> word(word.text(), language);
            // Quotes ask for this wording: no spelling variants, but stemming and folding still apply.
            case ReaderQuery.Phrase phrase ->
                    analysed(language.field(), analyzers.forLanguage(language), phrase.text());
            case ReaderQuery.AllOf all -> allOf(all, language);
            case ReaderQuery.AnyOf any -> anyOf(any, language);
        };
    }

    private Query word(String text, TextLanguage language) {
        Query exact = analysed(language.field(), analyzers.forLanguage(language), text);
        if (exact == null) {
            return null; // a stop word in this language: skipped, as readers expect
        }
        Query variant = analysed(PassageFields.NAME_VARIANTS, analyzers.forNameQueries(), text);
        if (variant == null) {
            return exact;
        }
        return new BooleanQuery.Builder()
                .add(exact, Occur.SHOULD)
                .add(new BoostQuery(variant, NAME_VARIANT_WEIGHT), Occur.SHOULD)
                .build();
    }

    private boolean searchableInEveryLanguage(ReaderQuery query) {
        return switch (query) {
            case ReaderQuery.Word word when word.prefix() -> // language-independent, but may be empty
                    !analyse(PassageFields.WORDS, analyzers.forWords(), word.text()).isEmpty();
            case ReaderQuery.Word word -> inEveryLanguage(word.text());
            case ReaderQuery.Phrase phrase -> inEveryLanguage(phrase.text());
            case ReaderQuery.AllOf all -> all.required().stream().allMatch(this::searchableInEveryLanguage)
                    && all.excluded().stream().allMatch(this::searchableInEveryLanguage);
            case ReaderQuery.AnyOf any -> any.options().stream().allMatch(this::searchableInEveryLanguage);
        };
    }

    private boolean inEveryLanguage(String text) {
        for (TextLanguage language : TextLanguage.values()) {
            if (analyse(language.field(), analyzers.forLanguage(language), text).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The query with each word or phrase searched in all language fields at once; see the class comment. */
    private Query flat(ReaderQuery query) {
        return switch (query) {
            case ReaderQuery.Word word when word.prefix() -> prefix(word.text());
            case ReaderQuery.Word word -> {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                for (TextLanguage language : TextLanguage.values()) {
                    any.add(analysed(language.field(), analyzers.forLanguage(language), word.text()), Occur.SHOULD);
                }
                Query variant = analysed(PassageFields.NAME_VARIANTS, analyzers.forNameQueries(), word.text());
                if (variant != null) {
                    any.add(new BoostQuery(variant, NAME_VARIANT_WEIGHT), Occur.SHOULD);
                }
                yield any.build();
            }
            case ReaderQuery.Phrase phrase -> {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                for (TextLanguage language : TextLanguage.values()) {
                    any.add(analysed(language.field(), analyzers.forLanguage(language), phrase.text()), Occur.SHOULD);
                }
                yield any.build();
            }
            case ReaderQuery.AllOf all -> {
                BooleanQuery.Builder builder = new BooleanQuery.Builder();
                all.required().forEach(part -> builder.add(flat(part), Occur.MUST));
                all.excluded().forEach(part -> builder.add(flat(part), Occur.MUST_NOT));
                yield builder.build();
            }
            case ReaderQuery.AnyOf any -> {
                if (any.options().size() == 1) {
                    yield flat(any.options().getFirst());
                }
                BooleanQuery.Builder builder = new BooleanQuery.Builder();
                any.options().forEach(option -> builder.add(flat(option), Occur.SHOULD));
                yield builder.build();
            }
        };
    }

    /** Prefixes match unstemmed words: a stem may be shorter than the prefix typed (manifestanti*). */
    private Query prefix(String text) {
        List<AnalysedTerm> terms = analyse(PassageFields.WORDS, analyzers.forWords(), text);
        if (terms.isEmpty()) {
            return null;
        }
        Query prefix = new PrefixQuery(new Term(PassageFields.WORDS, terms.getLast().text()));
        if (terms.size() == 1) {
            return prefix;
        }
        // "kassym-jo*": the whole words before the last one must be there too.
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (AnalysedTerm term : terms.subList(0, terms.size() - 1)) {
            all.add(new TermQuery(new Term(PassageFields.WORDS, term.text())), Occur.MUST);
        }
        return all.add(prefix, Occur.MUST).build();
    }

    private Query allOf(ReaderQuery.AllOf all, TextLanguage language) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        boolean anyRequired = false;
        for (ReaderQuery part : all.required()) {
            Query query = build(part, language);
            if (query != null) {
                builder.add(query, Occur.MUST);
                anyRequired = true;
            }
        }
        if (!anyRequired) {
            return null;
        }
        // A passage may match this branch through its name variants alone while its text is in
        // another language: an excluded word is excluded in every language, not only this one.
        for (ReaderQuery part : all.excluded()) {
            for (TextLanguage anyLanguage : TextLanguage.values()) {
                Query query = build(part, anyLanguage);
                if (query != null) {
                    builder.add(query, Occur.MUST_NOT);
                }
            }
        }
        return builder.build();
    }

    private Query anyOf(ReaderQuery.AnyOf any, TextLanguage language) {
        List<Query> options = new ArrayList<>();
        for (ReaderQuery part : any.options()) {
            Query query = build(part, language);
            if (query != null) {
                options.add(query);
            }
        }
        if (options.size() <= 1) {
            return options.isEmpty() ? null : options.getFirst();
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        options.forEach(option -> builder.add(option, Occur.SHOULD));
        return builder.build();
    }

    /**
     * A term query for one term, a phrase query (keeping stop-word gaps) for several, null for none.
     * Terms at the same position are alternatives (a Russian name with and without its case ending).
     */
    private Query analysed(String field, Analyzer analyzer, String text) {
        List<AnalysedTerm> terms = analyse(field, analyzer, text);
        if (terms.isEmpty()) {
            return null;
        }
        Map<Integer, List<Term>> byPosition = new java.util.TreeMap<>();
        for (AnalysedTerm term : terms) {
            byPosition.computeIfAbsent(term.position(), p -> new ArrayList<>()).add(new Term(field, term.text()));
        }
        if (byPosition.size() == 1) {
            List<Term> alternatives = byPosition.values().iterator().next();
            if (alternatives.size() == 1) {
                return new TermQuery(alternatives.getFirst());
            }
            SynonymQuery.Builder synonyms = new SynonymQuery.Builder(field);
            alternatives.forEach(synonyms::addTerm);
            return synonyms.build();
        }
        if (terms.size() == byPosition.size()) {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            for (AnalysedTerm term : terms) {
                phrase.add(new Term(field, term.text()), term.position());
            }
            return phrase.build();
        }
        MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
        byPosition.forEach((position, alternatives) -> phrase.add(alternatives.toArray(Term[]::new), position));
        return phrase.build();
    }

    /** Each field has one analyzer here, so the field and the text decide the terms. */
    private List<AnalysedTerm> analyse(String field, Analyzer analyzer, String text) {
        return analysedTexts.computeIfAbsent(field + '\u0000' + text, key -> analyseNow(field, analyzer, text));
    }

    private static List<AnalysedTerm> analyseNow(String field, Analyzer analyzer, String text) {
        List<AnalysedTerm> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                terms.add(new AnalysedTerm(term.toString(), position));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Analysing a query string in memory failed", e);
        }
        return terms;
    }

    private record AnalysedTerm(String text, int position) {
    }
}
