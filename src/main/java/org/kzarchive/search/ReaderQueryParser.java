package org.kzarchive.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kzarchive.search.QueryToken.Type;

/**
 * Reads what a reader typed in the search box: words (all must match), "quoted phrases",
 * {@code -excluded} words, {@code OR} between words (binding tighter than the implicit AND, as
 * in web search engines), {@code (groups)} and {@code prefix*}.
 *
 * <p>Any input is accepted. We do not use Lucene's QueryParser: its syntax (fields, fuzzy ~,
 * boosts ^, ranges, regular expressions) is not meant for readers and it rejects unbalanced input
 * with an exception; here every mistake is skipped and reported as a {@link QueryNotice}.
 */
final class ReaderQueryParser {

    static final int MAX_LENGTH = 200;
    static final int MAX_WORDS = 32;
    static final int MIN_PREFIX = 2;

    private final List<QueryToken> tokens;
    private final Set<QueryNotice> notices;
    private int position;

    private ReaderQueryParser(List<QueryToken> tokens, Set<QueryNotice> notices) {
        this.tokens = tokens;
        this.notices = notices;
    }

    static ParsedQuery parse(String input) {
        Set<QueryNotice> notices = new LinkedHashSet<>();
        String text = clean(input, notices);
        ReaderQueryParser parser = new ReaderQueryParser(QueryLexer.tokens(text, notices), notices);
        ReaderQuery query = parser.parseQuery();
        if (query == null && !notices.contains(QueryNotice.ONLY_EXCLUSIONS)) {
            notices.add(QueryNotice.EMPTY_QUERY);
        }
        return new ParsedQuery(text, query, new ArrayList<>(notices));
    }

    /** Drops control characters, unifies quotes and spaces, and shortens overlong input. */
    static String clean(String input, Set<QueryNotice> notices) {
        if (input == null) {
            return "";
        }
        // Cut far-too-long input before doing any work on it; the exact cut comes below.
        String text = input.length() > MAX_LENGTH * 4 ? safePrefix(input, MAX_LENGTH * 4) : input;
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> cleaned.appendCodePoint(cleanCodePoint(cp)));
        text = cleaned.toString().replaceAll("\\s+", " ").strip();
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            notices.add(QueryNotice.QUERY_SHORTENED);
            text = safePrefix(text, MAX_LENGTH).strip();
        } else if (input.length() > MAX_LENGTH * 4) {
            notices.add(QueryNotice.QUERY_SHORTENED);
        }
        return text;
    }

    private static int cleanCodePoint(int cp) {
        if (Character.getType(cp) == Character.CONTROL) {
            return ' ';
        }
        return switch (cp) {
            case '“', '”', '„', '‟', '«', '»' -> '"'; // typographic quotes work as quotes
            case ':' -> ' '; // "field:value" is Lucene syntax, not something readers mean
            default -> cp;
        };
    }

    /** The first {@code codePoints} code points, never splitting a surrogate pair. */
    private static String safePrefix(String text, int codePoints) {
        if (text.codePointCount(0, text.length()) <= codePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    private ReaderQuery parseQuery() {
        Sequence top = parseSequence(false);
        return top.toQuery();
    }

    /** Clauses up to the end of the query or of the current group. */
    private Sequence parseSequence(boolean inGroup) {
        Sequence sequence = new Sequence();
        while (true) {
            QueryToken next = peek();
            if (next == null) {
                if (inGroup) {
                    notices.add(QueryNotice.UNBALANCED_PARENTHESIS);
                }
                return sequence;
            }
            if (next.is(Type.CLOSE)) {
                position++;
                if (inGroup) {
                    return sequence;
                }
                notices.add(QueryNotice.UNBALANCED_PARENTHESIS);
                continue;
            }
            if (next.is(Type.OR) || next.is(Type.AND)) {
                position++; // AND is what we do anyway; an OR here has nothing on its left
                if (next.is(Type.OR)) {
                    notices.add(QueryNotice.LONE_OPERATOR);
                }
                continue;
            }
            int before = position;
            Clause clause = parseAlternatives();
            if (clause != null) {
                (clause.excluded ? sequence.excluded : sequence.required).add(clause.query);
            } else if (position == before) {
                position++; // never loop on a token nothing could use
            }
        }
    }

    /** {@code a OR b OR c}; a single clause when there is no OR. */
    private Clause parseAlternatives() {
        Clause first = parseClause();
        if (first == null || peek() == null || !peek().is(Type.OR)) {
            return first;
        }
        List<Clause> clauses = new ArrayList<>(List.of(first));
        while (peek() != null && peek().is(Type.OR)) {
            position++;
            Clause next = parseClause();
            if (next == null) {
                notices.add(QueryNotice.LONE_OPERATOR);
                break;
            }
            clauses.add(next);
        }
        List<ReaderQuery> options = new ArrayList<>();
        for (Clause clause : clauses) {
            if (clause.excluded) {
                notices.add(QueryNotice.EXCLUSION_INSIDE_OR);
            } else {
                options.add(clause.query);
            }
        }
        return switch (options.size()) {
            case 0 -> null;
            case 1 -> new Clause(options.getFirst(), false);
            default -> new Clause(new ReaderQuery.AnyOf(options), false);
        };
    }

    /** A word, phrase or group, possibly excluded with - or NOT. */
    private Clause parseClause() {
        boolean excluded = false;
        boolean sawOperator = false;
        while (peek() != null && (peek().is(Type.MINUS) || peek().is(Type.NOT))) {
            excluded = true;
            sawOperator = true;
            position++;
        }
        QueryToken token = peek();
        if (token == null || token.is(Type.CLOSE) || token.is(Type.OR) || token.is(Type.AND)) {
            if (sawOperator) {
                notices.add(QueryNotice.LONE_OPERATOR);
            }
            return null;
        }
        position++;
        ReaderQuery query = switch (token.type()) {
            case OPEN -> parseSequence(true).toQuery();
            case PHRASE -> phrase(token.text());
            default -> word(token.text());
        };
        return query == null ? null : new Clause(query, excluded);
    }

    private ReaderQuery word(String text) {
        int stemEnd = text.length();
        while (stemEnd > 0 && text.charAt(stemEnd - 1) == '*') {
            stemEnd--;
        }
        String stem = text.substring(0, stemEnd);
        boolean prefix = stemEnd < text.length();
        long letters = stem.codePoints().filter(Character::isLetterOrDigit).count();
        if (letters == 0) {
            notices.add(QueryNotice.SYMBOLS_IGNORED);
            return null;
        }
        if (prefix && lastWordLength(stem) < MIN_PREFIX) { // "il-a*" expands "a*"
            notices.add(QueryNotice.PREFIX_TOO_SHORT);
            return null;
        }
        return new ReaderQuery.Word(stem, prefix);
    }

    /** Letters and digits after the last other character: the word a prefix search expands. */
    private static int lastWordLength(String stem) {
        int length = 0;
        for (int i = stem.length(); i > 0; ) {
            int c = stem.codePointBefore(i);
            if (!Character.isLetterOrDigit(c)) {
                if (length > 0) {
                    break;
                }
            } else {
                length++;
            }
            i -= Character.charCount(c);
        }
        return length;
    }

    private ReaderQuery phrase(String text) {
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            if (!text.isBlank()) {
                notices.add(QueryNotice.SYMBOLS_IGNORED);
            }
            return null;
        }
        return new ReaderQuery.Phrase(text.strip());
    }

    private QueryToken peek() {
        return position < tokens.size() ? tokens.get(position) : null;
    }

    private record Clause(ReaderQuery query, boolean excluded) {
    }

    private final class Sequence {
        final List<ReaderQuery> required = new ArrayList<>();
        final List<ReaderQuery> excluded = new ArrayList<>();

        /** Null when nothing is left to look for; a lone clause stands for itself. */
        ReaderQuery toQuery() {
            if (required.isEmpty()) {
                if (!excluded.isEmpty()) {
                    notices.add(QueryNotice.ONLY_EXCLUSIONS);
                }
                return null;
            }
            if (required.size() == 1 && excluded.isEmpty()) {
                return required.getFirst();
            }
            return new ReaderQuery.AllOf(List.copyOf(required), List.copyOf(excluded));
        }
    }
}
