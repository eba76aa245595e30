package org.kzarchive.editing;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this account or address: the password was not even checked. */
class SignInThrottledException extends AuthenticationException {

    private final Duration wait;

    SignInThrottledException(Duration wait) {
        super("Too many failed sign-ins; try again in " + wait);
        this.wait = wait;
    }

    /** whole minutes to wait, at least 1 */
    long minutes() {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
