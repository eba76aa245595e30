package org.kzarchive.editing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.kzarchive.system.Sha256;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Every sign-in attempt is counted before its password is checked,
 * in PostgreSQL with one atomic upsert, for a window of 15 minutes from the first attempt: per
 * account from one address (5) and per address whatever the account (20) — beyond these that
 * address must wait for the window to end — and per account from any address (50), beyond which
 * the attempts are only slowed down, so that strangers cannot lock an editor out of the account.
 *
 * <p>Nothing is kept in memory: the keys are SHA-256 hashes of a bounded account name and address,
 * the counts are shared by every instance and survive a restart, and rows of ended windows are
 * deleted every {@value #CLEAN_EVERY} attempts.
 */
@Component
class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_ACCOUNT_AND_ADDRESS = 5;
    static final int PER_ADDRESS = 20;
    static final int PER_ACCOUNT = 50;
    /** account names are at most 60 characters: anything longer is cut before it is hashed */
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_ADDRESS_LENGTH = 64;
    private static final int CLEAN_EVERY = 100;

    /**
     * What to do with one attempt.
     *
     * @param refusedFor how long this address must wait, or null when the password may be checked
     * @param slowDown   whether the account has had so many attempts that this one must wait a little
     */
    record Verdict(Duration refusedFor, boolean slowDown) {

        boolean refused() {
            return refusedFor != null;
        }
    }

    private enum Limit { ACCOUNT_AND_ADDRESS, ADDRESS, ACCOUNT }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicInteger untilCleaning = new AtomicInteger();

    SignInThrottle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts this attempt (whatever comes of it) and says whether its password may be checked. */
    Verdict count(String username, String address) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps

        Map<String, Limit> keys = keys(username, address);
        List<String> ordered = new ArrayList<>(keys.keySet());
        // one lock order for every attempt: concurrent upserts of the same rows cannot deadlock
        ordered.sort(Comparator.naturalOrder());
        List<Object> arguments = new ArrayList<>();
        for (String key : ordered) {
            arguments.add(key);
            arguments.add(Timestamp.from(now));
        }
        arguments.add(WINDOW.toSeconds());
        arguments.add(WINDOW.toSeconds());
        Duration refusedFor = null;
        boolean slowDown = false;
        for (var row : jdbc.queryForList("""
                insert into sign_in_attempt as a (key, window_start, attempts) values (?, ?, 1), (?, ?, 1), (?, ?, 1)
                on conflict (key) do update set
                  attempts = case when a.window_start <= excluded.window_start - ? * interval '1 second' then 1
                                  else a.attempts + 1 end,
                  window_start = case when a.window_start <= excluded.window_start - ? * interval '1 second'
                                      then excluded.window_start else a.window_start end
                returning key, window_start, attempts""", arguments.toArray())) {
            Limit limit = keys.get(((String) row.get("key")).strip());
            int attempts = ((Number) row.get("attempts")).intValue();
            Duration left = Duration.between(now, ((Timestamp) row.get("window_start")).toInstant().plus(WINDOW));
            switch (limit) {
                case ACCOUNT_AND_ADDRESS, ADDRESS -> {
                    int max = limit == Limit.ADDRESS ? PER_ADDRESS : PER_ACCOUNT_AND_ADDRESS;
                    if (attempts > max && (refusedFor == null || left.compareTo(refusedFor) > 0)) {
                        refusedFor = left;
                    }
                }
                case ACCOUNT -> slowDown = attempts > PER_ACCOUNT;
            }
        }
        if (untilCleaning.incrementAndGet() % CLEAN_EVERY == 0) {
            forgetEndedWindows();
        }
        return new Verdict(refusedFor, slowDown);
    }

    /** A right password forgets this account's attempts from this address, and was no failure elsewhere. */
    void succeeded(String username, String address) {
        Map<String, Limit> keys = keys(username, address);
        keys.forEach((key, limit) -> {
            if (limit == Limit.ACCOUNT_AND_ADDRESS) {
                jdbc.update("delete from sign_in_attempt where key = ?", key);
            } else {
                jdbc.update("update sign_in_attempt set attempts = greatest(attempts - 1, 0) where key = ?", key);
            }
        });
    }

    void forgetEndedWindows() {
        jdbc.update("delete from sign_in_attempt where window_start <= ?", Timestamp.from(clock.instant().minus(WINDOW)));
    }

    private static Map<String, Limit> keys(String username, String address) {
        String account = bounded(username == null ? "" : username.strip().toLowerCase(Locale.ROOT), MAX_NAME_LENGTH);
        String from = bounded(address == null ? "unknown" : address, MAX_ADDRESS_LENGTH);
        Map<String, Limit> keys = new HashMap<>();
        keys.put(Sha256.hex("pair\n" + account + "\n" + from), Limit.ACCOUNT_AND_ADDRESS);
        keys.put(Sha256.hex("address\n" + from), Limit.ADDRESS);
        keys.put(Sha256.hex("account\n" + account), Limit.ACCOUNT);
        return keys;
    }

    private static String bounded(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
