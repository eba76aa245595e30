package org.kzarchive.system;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The rendered pages kept across a restart, so that readers arriving right after a start are
 * served at once instead of each meeting a cold page. When the application stops, the page cache's
 * pages (search pages excepted) are written to {@code <data-dir>/page-snapshot/pages.bin} with the
 * {@link ArchiveFingerprint} taken when their generation began. The next start of the same build,
 * for the same public address, takes them back before the server accepts requests: as current pages
 * when the database is exactly as it was then (nothing to render again), otherwise as <em>previous
 * versions</em>, which {@link PageRefresher} renders again at once, as after a change. Derived data:
 * a missing, damaged or foreign file only means no pages are taken.
 */
@Component
class PageSnapshot implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PageSnapshot.class);
    static final int FORMAT = 0x6b7a7032; // "kzp2"
    // a damaged file must not make the start-up allocate more than the cache could ever hold
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final int MAX_PAGES = 10_000;

    /** The archive's fingerprint when generation {@code number} began; empty when it could not be taken. */
    private record StateOf(long number, String fingerprint) {
    }

    /** What the file holds: the pages, and which of them were current for {@code fingerprint}. */
    record Kept(String fingerprint, List<Map.Entry<String, PageCache.Page>> current, List<Map.Entry<String, PageCache.Page>> previous) {

        static final Kept NOTHING = new Kept("", List.of(), List.of());

        int size() {
            return current.size() + previous.size();
        }
    }

    private final PageCache cache;
    private final Path file;
    private final ApplicationBuild build;
    private final PublicAddress address;
    private final ArchiveFingerprint fingerprint;
    private final AtomicReference<StateOf> state = new AtomicReference<>(new StateOf(-1, ""));
    private boolean takenBack; // guarded by this

    PageSnapshot(PageCache cache, ArchiveProperties properties, ApplicationBuild build, PublicAddress address,
                 ArchiveFingerprint fingerprint) {
        this.cache = cache;
        this.file = properties.dataDir().resolve("page-snapshot").resolve("pages.bin").toAbsolutePath();
        this.build = build;
        this.address = address;
        this.fingerprint = fingerprint;
        // taken before the generation begins: every page rendered in it shows this state or a newer one
        cache.beforeNewGeneration(number -> state.set(new StateOf(number, fingerprint.now().orElse(""))));
    }

    /** The pages are for this build (templates, messages, code) and this address (every absolute link) only. */
    private String stamp() {
        return build.identity() + "\n" + address.base();
    }

    @Override
    public void afterSingletonsInstantiated() {
        takeBack();
    }

    /**
     * Takes the kept pages back, once: before the server accepts any request, when no page has been
     * rendered yet. Early ({@link KeptPagesFirst}) or when every bean has been made.
     *
     * @return how many of them are current pages, to be answered as they are
     */
    synchronized int takeBack() {
        if (takenBack) {
            return 0;
        }
        takenBack = true;
        String now = fingerprint.now().orElse("");
        state.set(new StateOf(cache.generation().number(), now));
        Kept kept = read();
        int current = 0;
        if (!now.isEmpty() && now.equals(kept.fingerprint())) {
            cache.restoreCurrent(kept.current());
            cache.restorePreviousVersions(kept.previous());
            current = kept.current().size();
            log.info("Took {} pages rendered before the restart: {} current, the archive has not changed", kept.size(), current);
        } else if (kept.size() > 0) {
            cache.restorePreviousVersions(concat(kept.previous(), kept.current()));
            log.info("Took {} pages rendered before the restart as previous versions, to be rendered again", kept.size());
        }
        try {
            // used once: pages older than the last stop are never taken again
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Cannot delete {}: {}", file, e.toString());
        }
        return current;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    @Override
    public void destroy() {
        PageCache.Generation current = cache.generation();
        StateOf of = state.get();
        write(of.number() == current.number() ? of.fingerprint() : "", current.number(), cache.pagesToKeep());
    }

    void write(String fingerprint, long currentGeneration, List<Map.Entry<String, PageCache.Page>> pages) {
        if (pages.isEmpty()) {
            return;
        }
        try {
            AtomicFiles.write(file, stream -> {
                var out = new DataOutputStream(stream);
                out.writeInt(FORMAT);
                out.writeUTF(stamp());
                out.writeUTF(fingerprint);
                out.writeInt(pages.size());
                for (var entry : pages) {
                    PageCache.Page page = entry.getValue();
                    out.writeUTF(entry.getKey());
                    out.writeBoolean(page.generation() == currentGeneration);
                    out.writeUTF(page.contentType());
                    out.writeLong(page.generation());
                    out.writeInt(page.headers().size());
                    for (var header : page.headers().entrySet()) {
                        out.writeUTF(header.getKey());
                        out.writeInt(header.getValue().size());
                        for (String value : header.getValue()) {
                            out.writeUTF(value);
                        }
                    }
                    writeBytes(out, page.plain());
                    writeBytes(out, page.gzipped());
                }
                out.flush();
            });
            log.info("Kept {} rendered pages for the next start", pages.size());
        } catch (IOException e) {
            log.warn("Cannot keep the rendered pages for the next start: {}", e.toString());
        }
    }

    /** The pages of the file, if it was written by this build for this address; otherwise nothing. */
    Kept read() {
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(stamp())) {
                log.info("Rendered pages of another build or address found; not taken");
                return Kept.NOTHING;
            }
            String fingerprintThen = in.readUTF();
            int count = in.readInt();
            if (count < 0 || count > MAX_PAGES) {
                throw new IOException("damaged: " + count + " pages");
            }
            long[] budget = {MAX_BYTES};
            List<Map.Entry<String, PageCache.Page>> current = new ArrayList<>();
            List<Map.Entry<String, PageCache.Page>> previous = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                boolean wasCurrent = in.readBoolean();
                String contentType = in.readUTF();
                long generation = in.readLong();
                int headerCount = in.readInt();
                if (headerCount < 0 || headerCount > 100) {
                    throw new IOException("damaged: " + headerCount + " headers");
                }
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (int h = 0; h < headerCount; h++) {
                    String name = in.readUTF();
                    int values = in.readInt();
                    if (values < 0 || values > 100) {
                        throw new IOException("damaged: " + values + " values");
                    }
                    List<String> list = new ArrayList<>(values);
                    for (int v = 0; v < values; v++) {
                        list.add(in.readUTF());
                    }
                    headers.put(name, List.copyOf(list));
                }
                byte[] plain = readBytes(in, budget);
                byte[] gzipped = readBytes(in, budget);
                var page = Map.entry(key, PageCache.Page.of(key, plain, gzipped, null, null, contentType, headers, generation));
                (wasCurrent ? current : previous).add(page);
            }
            return new Kept(fingerprintThen, current, previous);
        } catch (NoSuchFileException e) {
            return Kept.NOTHING;
        } catch (IOException | RuntimeException e) {
            log.warn("Rendered pages kept at the last stop cannot be read ({}); starting without them", e.toString());
            return Kept.NOTHING;
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in, long[] budget) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > budget[0]) {
            throw new IOException("damaged: a page of " + length + " bytes");
        }
        budget[0] -= length;
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("damaged: cut short");
        }
        return bytes;
    }
}
