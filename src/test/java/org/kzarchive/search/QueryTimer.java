package org.kzarchive.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Times a search engine on a fixed list of queries: a warm-up, then single-thread latency (each
 * query timed alone, rounds over the whole list), then throughput with several threads for a fixed
 * time. Every phase is bounded in time, so a slow engine shortens its own measurement, not the run.
 */
final class QueryTimer {

    /** One engine, opened once per thread (a database connection, or nothing at all). */
    interface Engine {
        Session open() throws Exception;
    }

    interface Session extends AutoCloseable {
        /** Runs one query and returns something derived from the result, so that no work is skipped. */
        long run(String query) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** @param slowest the queries with the highest median latency, slowest first, with that median */
    record Result(double p50Millis, double p99Millis, double queriesPerSecond, int latencySamples, String slowest) {
    }

    private final List<String> queries;
    private final Duration warmUp;
    private final int minRounds;
    private final int maxRounds;
    private final Duration latencyBudget;
    private final Duration throughputTime;
    private final int threads;

    /** Consumed results; read at the end so the JIT cannot drop the searches. */
    private final AtomicLong sink = new AtomicLong();

    QueryTimer(List<String> queries, Duration warmUp, int minRounds, int maxRounds, Duration latencyBudget,
               Duration throughputTime, int threads) {
        this.queries = List.copyOf(queries);
        this.warmUp = warmUp;
        this.minRounds = minRounds;
        this.maxRounds = maxRounds;
        this.latencyBudget = latencyBudget;
        this.throughputTime = throughputTime;
        this.threads = threads;
    }

    Result measure(Engine engine) throws Exception {
        try (Session session = engine.open()) {
            long warmUpEnd = System.nanoTime() + warmUp.toNanos();
            do {
                for (String query : queries) {
                    sink.addAndGet(session.run(query));
                }
            } while (System.nanoTime() < warmUpEnd);

            List<Long> samples = new ArrayList<>();
            Map<String, List<Long>> perQuery = new LinkedHashMap<>();
            long latencyEnd = System.nanoTime() + latencyBudget.toNanos();
            for (int round = 0; round < maxRounds && (round < minRounds || System.nanoTime() < latencyEnd); round++) {
                for (String query : queries) {
                    long started = System.nanoTime();
                    sink.addAndGet(session.run(query));
                    long took = System.nanoTime() - started;
                    samples.add(took);
                    perQuery.computeIfAbsent(query, q -> new ArrayList<>()).add(took);
                }
            }
            long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
            String slowest = perQuery.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), percentile(e.getValue().stream().mapToLong(Long::longValue).sorted().toArray(), 50)))
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(3)
                    .map(e -> String.format(Locale.ROOT, "%s %.1f ms", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
            double queriesPerSecond = throughput(engine);
            return new Result(percentile(sorted, 50), percentile(sorted, 99), queriesPerSecond, sorted.length, slowest);
        }
    }

    private double throughput(Engine engine) throws Exception {
        AtomicLong completed = new AtomicLong();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + throughputTime.toNanos();
        Thread[] workers = new Thread[threads];
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * queries.size() / threads;
            workers[t] = new Thread(() -> {
                try (Session session = engine.open()) {
                    for (int i = offset; System.nanoTime() < end; i++) {
                        sink.addAndGet(session.run(queries.get(i % queries.size())));
                        completed.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "benchmark-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("A benchmark thread failed", failures.getFirst());
        }
        return completed.get() / seconds;
    }

    private static double percentile(long[] sortedNanos, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    long sink() {
        return sink.get();
    }
}
