package org.kzarchive.editing;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Counts each sign-in attempt with the {@link SignInThrottle} before its password is checked, and
 * checks it only when the throttle allows. An account with many attempts from many addresses is
 * slowed down: each check waits {@link #SLOW_DOWN}, and only {@value #SLOWED_AT_ONCE} such checks
 * run at once; others are asked to try again in a few seconds.
 */
class ThrottledSignIn implements AuthenticationProvider {

    static final Duration SLOW_DOWN = Duration.ofSeconds(2);
    static final int SLOWED_AT_ONCE = 2;

    private final AuthenticationProvider passwordCheck;
    private final SignInThrottle throttle;
    private final Semaphore slowLane = new Semaphore(SLOWED_AT_ONCE);

    ThrottledSignIn(AuthenticationProvider passwordCheck, SignInThrottle throttle) {
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String address = addressOf(attempt);
        SignInThrottle.Verdict verdict = throttle.count(username, address);
        if (verdict.refused()) {
            throw new SignInThrottledException(verdict.refusedFor());
        }
        if (!verdict.slowDown()) {
            return check(attempt, username, address);
        }
        if (!slowLane.tryAcquire()) {
            throw SignInThrottledException.busyAccount();
        }
        try {
            Thread.sleep(SLOW_DOWN);
            return check(attempt, username, address);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SignInThrottledException.busyAccount();
        } finally {
            slowLane.release();
        }
    }

    private Authentication check(Authentication attempt, String username, String address) {
        if (username == null || username.length() > SignInThrottle.MAX_NAME_LENGTH) {
            throw new BadCredentialsException("No editor has so long a name");
        }
        Authentication result = passwordCheck.authenticate(attempt);
        throttle.succeeded(username, address);
        return result;
    }

    static String addressOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
