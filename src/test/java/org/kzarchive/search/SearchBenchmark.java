package org.kzarchive.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.kzarchive.ArchiveApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lucene ({@link PassageSearch}) against PostgreSQL full-text search on the same passages: the
 * seed content, then a synthetic archive of 2,000 translations (100,000 passages). Prints latency
 * (p50, p99, one thread), throughput (two threads) and the time to rebuild the index from the
 * database. Starts the application on a temporary data directory (its own embedded PostgreSQL),
 * runs a few minutes and removes everything it created. Not a test: run it with
 *
 * <pre>./mvnw -B -q test-compile exec:java@search-benchmark</pre>
 */
public final class SearchBenchmark {

    /** What readers type: words, names in two spellings, phrases, prefixes, OR and exclusions. */
    static final List<String> QUERIES = List.of(
            "manifestanti", "Almaty", "Tokayev", "Tokaev", "Nazarbayev", "Akimat", "polizia", "governo",
            "rivolta", "Kazakistan", "cecchini", "libertà", "Putin",
            "\"Shal ket\"", "\"stato di emergenza\"", "\"forze di sicurezza\"", "\"colpi di arma da fuoco\"",
            "manifest*", "sacchegg*", "repress*",
            "Almaty -Tokayev", "rivolta -Almaty", "kazaki -governo",
            "polizia OR esercito", "Zhanaozen OR Aktobe", "Almaty OR Astana proteste",
            "CSTO truppe russe", "sciopero lavoratori", "prezzo del gas", "anarchici russi", "internet chiuso",
            "proteste gennaio", "terroristi islamici", "Gorbaciov massacro", "giornalista opposizione");

    private static final int SYNTHETIC_WORKS = 500; // × 4 languages = 2,000 translations
    private static final int THREADS = 2;

    private record Row(String dataset, int passages, String engine, QueryTimer.Result result, int queriesWithHits) {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("kzarchive-benchmark-");
        ConfigurableApplicationContext app = null;
        Thread removeOnInterrupt = new Thread(() -> deleteQuietly(dataDir));
        Runtime.getRuntime().addShutdownHook(removeOnInterrupt);
        try {
            long started = System.nanoTime();
            System.out.printf("Starting the archive on %s (embedded PostgreSQL, content/ imported)…%n", dataDir);
            // a web application (the editors' security needs one), on a free port nobody is sent to
            app = new SpringApplicationBuilder(ArchiveApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .run("--archive.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off",
                            "--logging.level.root=WARN");
            System.out.printf("  started in %.1f s%n", seconds(started));
            run(app);
        } finally {
            if (app != null) {
                app.close(); // stops the embedded PostgreSQL
            }
            deleteQuietly(dataDir);
            Runtime.getRuntime().removeShutdownHook(removeOnInterrupt);
        }
    }

    private static void run(ConfigurableApplicationContext app) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        PassageSearch lucene = app.getBean(PassageSearch.class);
        SearchIndex index = app.getBean(SearchIndex.class);
        DatabasePassageSource passages = app.getBean(DatabasePassageSource.class);
        TranslationStates states = app.getBean(TranslationStates.class);
        PostgresFullText postgres = new PostgresFullText(jdbc);
        QueryTimer timer = new QueryTimer(QUERIES, Duration.ofSeconds(3), 3, 30, Duration.ofSeconds(10),
                Duration.ofSeconds(8), THREADS);
        List<Row> rows = new ArrayList<>();

        System.out.printf("%s; %d CPUs; Java %s; %s%n", "Machine", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), jdbc.queryForObject("select version()", String.class).split(",")[0]);

        postgres.load(passages);
        measure("seed", index.passageCount(), lucene, postgres, timer, rows);

        System.out.printf("Writing the synthetic archive (%d translations)…%n", SYNTHETIC_WORKS * SyntheticArchive.LANGUAGES.length);
        long started = System.nanoTime();
        new TransactionTemplate(app.getBean(PlatformTransactionManager.class))
                .executeWithoutResult(status -> new SyntheticArchive(jdbc).write(SYNTHETIC_WORKS));
        jdbc.execute("analyze");
        System.out.printf("  written in %.1f s%n", seconds(started));

        started = System.nanoTime();
        index.rebuild(passages, DatabaseFingerprint.of(states.all()).value());
        double rebuild = seconds(started);
        int translations = jdbc.queryForObject("select count(*) from translation where status = 'PUBLISHED'", Integer.class);
        System.out.printf("  Lucene index rebuilt from the database in %.1f s (%,d passages)%n", rebuild, index.passageCount());
        double gin = postgres.load(passages);
        System.out.printf("  PostgreSQL GIN index built in %.1f s (%,d passages)%n", gin, postgres.passages());
        measure("large", index.passageCount(), lucene, postgres, timer, rows);

        print(rows, translations, rebuild, gin);
        if (timer.sink() == 42) {
            System.out.println(); // keeps the results observable
        }
    }

    private static void measure(String dataset, int passages, PassageSearch lucene, PostgresFullText postgres,
                                QueryTimer timer, List<Row> rows) throws Exception {
        System.out.printf("Measuring %s (%,d passages): Lucene…%n", dataset, passages);
        QueryTimer.Engine luceneEngine = () -> query -> {
            SearchResults results = lucene.search(SearchRequest.of(query));
            return results.totalHits() + results.hits().size();
        };
        rows.add(new Row(dataset, passages, "Lucene", timer.measure(luceneEngine), queriesWithHits(luceneEngine)));
        System.out.printf("Measuring %s: PostgreSQL…%n", dataset);
        QueryTimer.Engine postgresEngine = () -> {
            PostgresFullText.Session session = postgres.open();
            return new QueryTimer.Session() {
                @Override
                public long run(String query) throws Exception {
                    return session.search(query);
                }

                @Override
                public void close() throws Exception {
                    session.close();
                }
            };
        };
        rows.add(new Row(dataset, passages, "PostgreSQL", timer.measure(postgresEngine), queriesWithHits(postgresEngine)));
    }

    /** How many of the queries find anything: both engines should be doing real work. */
    private static int queriesWithHits(QueryTimer.Engine engine) throws Exception {
        int found = 0;
        try (QueryTimer.Session session = engine.open()) {
            for (String query : QUERIES) {
                if (session.run(query) > 0) {
                    found++;
                }
            }
        }
        return found;
    }

    private static void print(List<Row> rows, int translations, double rebuild, double gin) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%d queries; latency: one thread, each query timed alone; throughput: %d threads for 8 s%n",
                QUERIES.size(), THREADS);
        System.out.println("| dataset | passages | engine | p50 ms | p99 ms | queries/s | queries with hits |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %s | %.2f | %.2f | %,.0f | %d/%d |%n", row.dataset(), row.passages(),
                    row.engine(), row.result().p50Millis(), row.result().p99Millis(), row.result().queriesPerSecond(),
                    row.queriesWithHits(), QUERIES.size());
        }
        System.out.println();
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "Slowest queries (median), %s, %s: %s%n", row.dataset(), row.engine(),
                    row.result().slowest());
        }
        System.out.println();
        for (String dataset : List.of("seed", "large")) {
            double luceneQps = rows.stream().filter(r -> r.dataset().equals(dataset) && r.engine().equals("Lucene"))
                    .findFirst().orElseThrow().result().queriesPerSecond();
            double postgresQps = rows.stream().filter(r -> r.dataset().equals(dataset) && r.engine().equals("PostgreSQL"))
                    .findFirst().orElseThrow().result().queriesPerSecond();
            System.out.printf(Locale.ROOT, "Lucene/PostgreSQL throughput, %s: %.1f×%n", dataset, luceneQps / postgresQps);
        }
        System.out.printf(Locale.ROOT, "Lucene index rebuild of the large archive (%,d translations) from the database: %.1f s "
                + "(PostgreSQL GIN index: %.1f s)%n", translations, rebuild, gin);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("Could not remove " + dir + ": " + e);
        }
    }
}
