package org.kzarchive.editing;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many sign-in attempts for this account or address: the password was not even checked. */
class SignInThrottledException extends AuthenticationException {

    private final Duration wait;
    private final boolean accountBusy;

    SignInThrottledException(Duration wait) {
        this(wait, false);
    }

    private SignInThrottledException(Duration wait, boolean accountBusy) {
        super(accountBusy ? "Many sign-ins for this account are being tried at once" : "Too many failed sign-ins; try again in " + wait);
        this.wait = wait;
        this.accountBusy = accountBusy;
    }

    /** The account is being tried from many addresses: this attempt may be repeated in a few seconds. */
    static SignInThrottledException busyAccount() {
        return new SignInThrottledException(ThrottledSignIn.SLOW_DOWN, true);
    }

    boolean isAccountBusy() {
        return accountBusy;
    }

    /** whole minutes to wait, at least 1 */
    long minutes() {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
