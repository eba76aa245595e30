package org.kzarchive.editing;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Checks an editor's password, unless the {@link SignInThrottle} says to wait; counts the failures. */
class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwordCheck;
    private final SignInThrottle throttle;

    ThrottledSignIn(AuthenticationProvider passwordCheck, SignInThrottle throttle) {
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String address = addressOf(attempt);
        var refusal = throttle.refusal(username, address);
        if (refusal.isPresent()) {
            throw new SignInThrottledException(refusal.get());
        }
        try {
            Authentication result = passwordCheck.authenticate(attempt);
            throttle.succeeded(username, address);
            return result;
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            throw e;
        }
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
