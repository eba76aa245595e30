package org.kzarchive.editing;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where to go after signing in: the editing page an anonymous visitor asked for, carried in the
 * sign-in address ({@code ?continue=/admin/…}) instead of a saved request in a session. Only a
 * short path of an editing page qualifies: no query, no other site, nothing that needs storing.
 */
final class ContinuePath {

    static final String PARAMETER = "continue";
    static final int MAX_LENGTH = 200;
    private static final Pattern EDITING_PAGE = Pattern.compile("/admin(/[A-Za-z0-9_-][A-Za-z0-9._-]*+)*+");

    private ContinuePath() {
    }

    static Optional<String> of(String candidate) {
        if (candidate == null || candidate.length() > MAX_LENGTH || !EDITING_PAGE.matcher(candidate).matches()
                || candidate.startsWith(EditingSecurityConfiguration.SIGN_IN) || candidate.startsWith("/admin/sign-out")) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }
}
