package org.kzarchive.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kzarchive.search.QueryToken.Type;

/**
 * Splits a cleaned query into words, quoted phrases and operators. It never fails: a quote
 * without its partner is dropped (and the reader told), so its words are searched one by one.
 */
final class QueryLexer {

    private final String query;
    private final Collection<QueryNotice> notices;
    private final List<QueryToken> tokens = new ArrayList<>();
    private int words;

    private QueryLexer(String query, Collection<QueryNotice> notices) {
        this.query = query;
        this.notices = notices;
    }

    static List<QueryToken> tokens(String query, Collection<QueryNotice> notices) {
        return new QueryLexer(query, notices).run();
    }

    private List<QueryToken> run() {
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int closing = query.indexOf('"', i + 1);
                if (closing < 0) {
                    notices.add(QueryNotice.UNBALANCED_QUOTE);
                    i++;
                } else {
                    if (!addWord(new QueryToken(Type.PHRASE, query.substring(i + 1, closing)))) {
                        break;
                    }
                    i = closing + 1;
                }
            } else if (c == '(' || c == ')') {
                tokens.add(QueryToken.of(c == '(' ? Type.OPEN : Type.CLOSE));
                i++;
            } else if (c == '-' || c == '+') {
                boolean appliesToSomething = i + 1 < query.length() && !Character.isWhitespace(query.charAt(i + 1));
                if (!appliesToSomething) {
                    notices.add(QueryNotice.LONE_OPERATOR);
                } else if (c == '-') {
                    tokens.add(QueryToken.of(Type.MINUS));
                } // a leading + asks for what is the default anyway: every word must match
                i++;
            } else {
                int end = i;
                while (end < query.length() && !isBoundary(query.charAt(end))) {
                    end++;
                }
                QueryToken token = word(query.substring(i, end));
                if (token.is(Type.WORD) ? !addWord(token) : !tokens.add(token)) {
                    break;
                }
                i = end;
            }
        }
        return tokens;
    }

    /** Adds a word or phrase unless the query already has as many as we search for. */
    private boolean addWord(QueryToken token) {
        if (words == ReaderQueryParser.MAX_WORDS) {
            notices.add(QueryNotice.TOO_MANY_WORDS);
            return false;
        }
        words++;
        return tokens.add(token);
    }

    private static boolean isBoundary(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '(' || c == ')';
    }

    /** Operators are only recognised in capitals, so that the Italian or English word "or" stays a word. */
    private static QueryToken word(String text) {
        return switch (text) {
            case "OR", "||" -> QueryToken.of(Type.OR);
            case "AND", "&&" -> QueryToken.of(Type.AND);
            case "NOT" -> QueryToken.of(Type.NOT);
            default -> new QueryToken(Type.WORD, text);
        };
    }
}
