package org.kzarchive.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.system.ManualClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The sign-in throttle, counting in the real database. Each test uses names and addresses of its own. */
@ArchiveIntegrationTest
class SignInThrottleTest {

    private static final AtomicInteger RUN = new AtomicInteger();

    @Autowired
    JdbcTemplate jdbc;

    private final ManualClock clock = new ManualClock();
    private final String run = "t" + System.nanoTime() % 1_000_000 + "-" + RUN.incrementAndGet();

    private SignInThrottle throttle() {
        return new SignInThrottle(jdbc, clock);
    }

    private String name(String who) {
        return who + "-" + run;
    }

    private final int subnet = RUN.get() % 250;

    private String address(int i) {
        return "10.9." + subnet + "." + i;
    }

    @Test
    void fiveAttemptsForOneAccountFromOneAddressPauseItUntilTheWindowEnds() {
        SignInThrottle throttle = throttle();
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AND_ADDRESS; i++) {
            assertThat(throttle.count(name("anna"), address(1)).refused()).isFalse();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.count(name("ANNA"), address(1)).refusedFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(throttle.count(name("anna"), address(2)).refused()).as("another address").isFalse();
        assertThat(throttle.count(name("marco"), address(1)).refused()).as("another account").isFalse();
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.count(name("anna"), address(1)).refused()).as("a new window").isFalse();
    }

    @Test
    void oneAddressTryingManyAccountsIsPausedAfterTwentyAttempts() {
        SignInThrottle throttle = throttle();
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            assertThat(throttle.count(name("user" + i), address(9)).refused()).isFalse();
        }
        assertThat(throttle.count(name("somebody-new"), address(9)).refused()).isTrue();
        assertThat(throttle.count(name("somebody-new"), address(10)).refused()).isFalse();
    }

    @Test
    void anAccountGuessedFromManyAddressesIsSlowedDownButNeverRefused() {
        SignInThrottle throttle = throttle();
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            assertThat(throttle.count(name("admin"), address(100 + i))).isEqualTo(new SignInThrottle.Verdict(null, false));
        }
        SignInThrottle.Verdict owner = throttle.count(name("admin"), address(200));
        assertThat(owner.refused()).as("the owner, from an address of their own").isFalse();
        assertThat(owner.slowDown()).isTrue();
    }

    @Test
    void aRightPasswordForgetsTheAttemptsOfThatAccountFromThatAddress() {
        SignInThrottle throttle = throttle();
        for (int i = 0; i < 4; i++) {
            throttle.count(name("anna"), address(3));
        }
        throttle.succeeded(name("anna"), address(3));
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.count(name("anna"), address(3)).refused()).isFalse();
        }
    }

    @Test
    void countsAreInTheDatabaseSoARestartDoesNotForgetThem() {
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AND_ADDRESS; i++) {
            throttle().count(name("anna"), address(4));
        }
        assertThat(throttle().count(name("anna"), address(4)).refused()).as("a new instance, as after a restart").isTrue();
    }

    @Test
    void hugeUserNamesAreKeptOnlyAsFixedLengthHashes() {
        SignInThrottle throttle = throttle();
        String huge = name("x").repeat(200_000);
        int before = rows();
        throttle.count(huge, address(5));
        assertThat(rows()).isEqualTo(before + 3);
        throttle.count(huge + "different after the first hundred characters", address(5));
        // cut to a bounded length before hashing: the same account, as far as the throttle can tell
        assertThat(rows()).isEqualTo(before + 3);
        assertThat(jdbc.queryForObject("select max(length(key)) from sign_in_attempt", Integer.class)).isEqualTo(64);
    }

    @Test
    void rowsOfEndedWindowsAreDeleted() {
        SignInThrottle throttle = throttle();
        throttle.count(name("old"), address(6));
        int before = rows();
        clock.advance(SignInThrottle.WINDOW.plusSeconds(1));
        throttle.forgetEndedWindows();
        assertThat(rows()).isLessThanOrEqualTo(before - 3);
    }

    private int rows() {
        return jdbc.queryForObject("select count(*) from sign_in_attempt", Integer.class);
    }

    @Test
    void concurrentWrongPasswordsFromOneAddressGetOnlyFivePasswordChecks() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        AuthenticationProvider alwaysWrong = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                checks.incrementAndGet();
                throw new BadCredentialsException("wrong");
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        ThrottledSignIn signIn = new ThrottledSignIn(alwaysWrong, throttle());
        String from = address(7);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> attempts = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            attempts.add(pool.submit(() -> {
                start.await();
                var attempt = UsernamePasswordAuthenticationToken.unauthenticated(name("victim"), "guess");
                attempt.setDetails(new WebAuthenticationDetails(from, null));
                assertThatThrownBy(() -> signIn.authenticate(attempt)).isNotNull();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> attempt : attempts) {
            attempt.get();
        }
        pool.shutdown();
        assertThat(checks.get()).isEqualTo(SignInThrottle.PER_ACCOUNT_AND_ADDRESS);
    }

    @Test
    void theOwnerOfAnAccountGuessedFromEverywhereStillSignsInAfterAShortWait() {
        SignInThrottle throttle = throttle();
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            throttle.count(name("owner"), address(100 + i));
        }
        AuthenticationProvider rightPassword = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                return UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null, java.util.List.of());
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(name("owner"), "right");
        attempt.setDetails(new WebAuthenticationDetails(address(250), null));
        long start = System.nanoTime();
        assertThat(new ThrottledSignIn(rightPassword, throttle).authenticate(attempt).isAuthenticated()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(ThrottledSignIn.SLOW_DOWN);
    }
}
