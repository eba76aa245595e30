package org.kzarchive.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2022-01-12T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void fiveFailuresForOneAccountFromOneAddressPauseItForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("anna", "10.0.0.1");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.refusal("anna", "10.0.0.1")).isEmpty();
        throttle.failed("anna", "10.0.0.1");
        assertThat(throttle.refusal("ANNA", "10.0.0.1")).contains(Duration.ofMinutes(11));
        assertThat(throttle.refusal("anna", "10.0.0.2")).as("another address").isEmpty();
        assertThat(throttle.refusal("marco", "10.0.0.1")).as("another account").isEmpty();
        clock.advance(Duration.ofMinutes(11));
        assertThat(throttle.refusal("anna", "10.0.0.1")).isEmpty();
    }

    @Test
    void oneAddressTryingManyAccountsIsPausedAfterTwentyFailures() {
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThat(throttle.refusal("somebody-new", "10.0.0.9")).isPresent();
        assertThat(throttle.refusal("somebody-new", "10.0.0.10")).isEmpty();
    }

    @Test
    void oneAccountGuessedFromManyAddressesIsPausedAfterFiftyFailures() {
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            throttle.failed("admin", "10.1.0." + i);
        }
        assertThat(throttle.refusal("admin", "10.2.0.1")).isPresent();
    }

    @Test
    void aRightPasswordForgetsTheFailuresOfThatAccountFromThatAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("anna", "10.0.0.1");
        }
        throttle.succeeded("anna", "10.0.0.1");
        throttle.failed("anna", "10.0.0.1");
        assertThat(throttle.refusal("anna", "10.0.0.1")).isEmpty();
    }
}
