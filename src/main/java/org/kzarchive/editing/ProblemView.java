package org.kzarchive.editing;

import java.util.List;

import org.kzarchive.importing.ContentProblem;

/**
 * A mistake shown to an editor: the line of their text (null when it concerns the whole upload),
 * what is wrong, what to do, and the line itself so they can find it.
 */
public record ProblemView(Integer line, String message, String fix, String excerpt) {

    static ProblemView of(ContentProblem problem, List<String> lines) {
        int line = problem.line();
        String excerpt = line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : null;
        if (excerpt != null && excerpt.length() > 140) {
            excerpt = excerpt.substring(0, 140) + "…";
        }
        return new ProblemView(line, problem.message(), problem.fix(), excerpt);
    }

    static ProblemView general(String message, String fix) {
        return new ProblemView(null, message, fix, null);
    }
}
