package org.kzarchive.search;

/** One piece of a reader's query as the lexer sees it. */
record QueryToken(Type type, String text) {

    enum Type { WORD, PHRASE, OR, AND, NOT, MINUS, OPEN, CLOSE }

    static QueryToken of(Type type) {
        return new QueryToken(type, "");
    }

    boolean is(Type wanted) {
        return type == wanted;
    }
}
