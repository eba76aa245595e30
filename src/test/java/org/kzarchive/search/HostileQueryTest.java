package org.kzarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever a reader (or a bot) types, the search answers with results and, if needed, a notice. */
class HostileQueryTest {

    @RegisterExtension
    static final IndexedArchive archive = new IndexedArchive();

    static Stream<Arguments> hostileQueries() {
        return Stream.of(
                arguments("", QueryNotice.EMPTY_QUERY),
                arguments("   \t  ", QueryNotice.EMPTY_QUERY),
                arguments("\"", QueryNotice.UNBALANCED_QUOTE),
                arguments("\"Tokaev presidente", QueryNotice.UNBALANCED_QUOTE),
                arguments("\"\"", QueryNotice.EMPTY_QUERY),
                arguments("a\"b\"c\"", QueryNotice.UNBALANCED_QUOTE),
                arguments("(", QueryNotice.UNBALANCED_PARENTHESIS),
                arguments(")))", QueryNotice.UNBALANCED_PARENTHESIS),
                arguments("((((((((((Almaty", QueryNotice.UNBALANCED_PARENTHESIS),
                arguments("()", QueryNotice.EMPTY_QUERY),
                arguments("AND", QueryNotice.EMPTY_QUERY),
                arguments("OR", QueryNotice.LONE_OPERATOR),
                arguments("OR OR", QueryNotice.LONE_OPERATOR),
                arguments("Almaty OR", QueryNotice.LONE_OPERATOR),
                arguments("NOT", QueryNotice.LONE_OPERATOR),
                arguments("Almaty NOT", QueryNotice.LONE_OPERATOR),
                arguments("-", QueryNotice.LONE_OPERATOR),
                arguments("Almaty -", QueryNotice.LONE_OPERATOR),
                arguments("--Almaty", QueryNotice.ONLY_EXCLUSIONS),
                arguments("-Almaty", QueryNotice.ONLY_EXCLUSIONS),
                arguments("Almaty OR -Tokaev", QueryNotice.EXCLUSION_INSIDE_OR),
                arguments("*", QueryNotice.SYMBOLS_IGNORED),
                arguments("a*", QueryNotice.PREFIX_TOO_SHORT),
                arguments("*:*", QueryNotice.SYMBOLS_IGNORED),
                arguments("\\", QueryNotice.SYMBOLS_IGNORED),
                arguments("\\\\", QueryNotice.SYMBOLS_IGNORED),
                arguments("?", QueryNotice.SYMBOLS_IGNORED),
                arguments("~", QueryNotice.SYMBOLS_IGNORED),
                arguments("^2", null),
                arguments("Almaty~2", null),
                arguments("Almaty^10", null),
                arguments("field:value", null),
                arguments("text_it:Almaty", null),
                arguments("[1 TO 5]", null),
                arguments("{!lucene}", null),
                arguments("/regex.*/", null),
                arguments("+Almaty", null),
                arguments("&& ||", QueryNotice.LONE_OPERATOR),
                arguments("<script>alert(1)</script>", null),
                arguments("'; DROP TABLE passage; --", null),
                arguments("\u0000", QueryNotice.EMPTY_QUERY),
                arguments("Almaty\u0000Tokaev\u0007", null),
                arguments("\uD83D\uDD25", QueryNotice.SYMBOLS_IGNORED),
                arguments("Almaty \uD83D\uDD25\uD83C\uDDF0\uD83C\uDDFF", null),
                arguments("\uD800", QueryNotice.SYMBOLS_IGNORED),
                arguments("Токаев", null),
                arguments("ОДКБ OR акимат", null),
                arguments("x".repeat(10_000), QueryNotice.QUERY_SHORTENED),
                arguments("Almaty ".repeat(2_000), QueryNotice.QUERY_SHORTENED),
                arguments("( ".repeat(5_000), QueryNotice.QUERY_SHORTENED),
                arguments("\"".repeat(10_001), QueryNotice.QUERY_SHORTENED),
                arguments("a ".repeat(99), QueryNotice.TOO_MANY_WORDS),
                arguments("ab* ".repeat(40), QueryNotice.TOO_MANY_WORDS),
                arguments("Kassym-Jomart-Tokayev ".repeat(9), null),
                arguments("(a OR (b OR (c OR (d OR (e OR (f OR (g OR h)))))))", null),
                arguments("x".repeat(199) + "\uD83D\uDD25\uD83D\uDD25", QueryNotice.QUERY_SHORTENED));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("hostileQueries")
    void answersWithoutFailing(String q, QueryNotice expectedNotice) {
        SearchResults results = archive.search().search(SearchRequest.of(q));

        assertThat(results).isNotNull();
        assertThat(results.notices()).doesNotContain(QueryNotice.SEARCH_UNAVAILABLE);
        if (expectedNotice != null) {
            assertThat(results.notices()).contains(expectedNotice);
            assertThat(results.messages()).contains(expectedNotice.text());
        }
        assertThat(results.query().codePointCount(0, results.query().length()))
                .isLessThanOrEqualTo(ReaderQueryParser.MAX_LENGTH);
        assertThat(results.query().chars().noneMatch(Character::isISOControl)).isTrue();
    }

    @Test
    void nullQueryAsksForWords() {
        SearchResults results = archive.search().search(new SearchRequest(null, null, null, 0, 0));
        assertThat(results.notices()).containsExactly(QueryNotice.EMPTY_QUERY);
        assertThat(results.messages()).containsExactly("Type one or more words to search the archive.");
        assertThat(results.page()).isEqualTo(1);
        assertThat(results.pageSize()).isEqualTo(SearchRequest.DEFAULT_PAGE_SIZE);
    }

    @Test
    void unbalancedQuoteStillSearchesTheWords() {
        SearchResults results = archive.search().search(SearchRequest.of("\"Tokaev presidente"));
        assertThat(results.totalHits()).isPositive();
        assertThat(results.messages()).contains("Ignored the unbalanced quote; those words were searched one by one.");
    }

    @Test
    void shortenedQueryNeverSplitsACharacter() {
        String query = archive.search().search(SearchRequest.of("x".repeat(199) + "\uD83D\uDD25 more")).query();
        assertThat(Character.isHighSurrogate(query.charAt(query.length() - 1))).isFalse();
    }

    @Test
    void shortenedQueryStillFindsWhatItsFirstWordsFind() {
        SearchResults results = archive.search().search(SearchRequest.of("Almaty " + "z".repeat(10_000)));
        assertThat(results.notices()).contains(QueryNotice.QUERY_SHORTENED);
        assertThat(results.query()).startsWith("Almaty ").hasSize(ReaderQueryParser.MAX_LENGTH);
    }
}
