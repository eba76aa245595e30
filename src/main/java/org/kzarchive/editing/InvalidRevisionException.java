package org.kzarchive.editing;

import java.util.List;

/** A stored revision that the checks refuse now (they may have become stricter since it was saved). */
class InvalidRevisionException extends RuntimeException {

    private final List<ProblemView> problems;

    InvalidRevisionException(int revision, List<ProblemView> problems) {
        super("Revision " + revision + " has " + problems.size() + " problems");
        this.problems = problems;
    }

    List<ProblemView> problems() {
        return problems;
    }
}
