package org.kzarchive.editing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Failed sign-ins are counted for a window of 15 minutes: per
 * account from one address (5), per address whatever the account (20), and per account from any
 * address (50, high enough that a stranger cannot easily lock an editor out). While a limit is
 * reached, sign-ins are refused without even checking the password.
 *
 * <p>The counts live in memory: they reset when the application restarts and are not shared
 * between instances, which is enough for one server.
 */
@Component
class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_ACCOUNT_AND_ADDRESS = 5;
    static final int PER_ADDRESS = 20;
    static final int PER_ACCOUNT = 50;
    private static final int PRUNE_ABOVE = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Limit(String key, int max) {
    }

    private static List<Limit> limits(String username, String address) {
        String account = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return List.of(new Limit("pair:" + account + "|" + address, PER_ACCOUNT_AND_ADDRESS),
                new Limit("address:" + address, PER_ADDRESS),
                new Limit("account:" + account, PER_ACCOUNT));
    }

    /** @return how long until this account may try again from this address, or empty when it may now */
    Optional<Duration> refusal(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (Limit limit : limits(username, address)) {
            Deque<Instant> times = failures.get(limit.key());
            if (times == null) {
                continue;
            }
            synchronized (times) {
                dropExpired(times, now);
                if (times.size() >= limit.max()) {
                    // the attempt that made the count reach the limit must leave the window first
                    Instant freed = times.stream().skip(times.size() - limit.max()).findFirst().orElseThrow().plus(WINDOW);
                    Duration left = Duration.between(now, freed);
                    wait = left.compareTo(wait) > 0 ? left : wait;
                }
            }
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > PRUNE_ABOVE) {
            failures.values().removeIf(times -> {
                synchronized (times) {
                    dropExpired(times, now);
                    return times.isEmpty();
                }
            });
        }
        for (Limit limit : limits(username, address)) {
            Deque<Instant> times = failures.computeIfAbsent(limit.key(), k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
            }
        }
    }

    /** A right password forgets this account's failures from this address. */
    void succeeded(String username, String address) {
        failures.remove(limits(username, address).get(0).key());
    }

    private static void dropExpired(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
    }
}
