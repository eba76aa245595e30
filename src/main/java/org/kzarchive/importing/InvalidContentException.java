package org.kzarchive.importing;

import java.util.List;
import java.util.stream.Collectors;

/** A translation's Markdown breaks the convention of content/README.md; lists every problem found. */
public class InvalidContentException extends RuntimeException {

    private final List<ContentProblem> problems;

    public InvalidContentException(List<ContentProblem> problems) {
        super(problems.stream().map(ContentProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
