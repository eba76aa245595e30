package org.kzarchive.importing;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken content file at start-up into a short report: file, line, what to do. */
class InvalidContentFailureAnalyzer extends AbstractFailureAnalyzer<InvalidContentException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidContentException cause) {
        return new FailureAnalysis("The content folder has mistakes, so the archive did not start:\n" + cause.getMessage(),
                "Correct each line named above (the format is described in content/README.md), then start again.", cause);
    }
}
