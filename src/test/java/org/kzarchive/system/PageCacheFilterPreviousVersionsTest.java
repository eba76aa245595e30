package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Who is given a page's previous version while the page refresher renders it again, and for how long. */
class PageCacheFilterPreviousVersionsTest {

    private static final String PAGE = "/it/opera";

    @TempDir
    Path dataDir;

    private final ManualClock clock = new ManualClock();

    private final AtomicInteger renderings = new AtomicInteger();
    private PageCache cache;
    private PageRefresher refresher;
    private PageCacheFilter filter;

    @BeforeEach
    void aChangeAfterThePageWasRendered() {
        cache = new PageCache(clock, new ArchiveProperties(dataDir, dataDir.resolve("content")));
        cache.put(PAGE, "<p>before the change</p>".getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8", Map.of());
        clock.advance(java.time.Duration.ofSeconds(1));
        cache.invalidate();
        // made after the change, as at start-up: its run for this generation is due and not begun (no server here)
        refresher = new PageRefresher(cache, new MockEnvironment(), new PublicAddress(new MockEnvironment()));
        filter = new PageCacheFilter(cache, refresher);
    }

    /** What the application answers when the page is rendered. */
    private enum Answer {
        /** the page as it is after the change */
        PAGE,
        /** the 503 of {@link DatabaseOutageFilter} */
        DATABASE_AWAY,
        /** a 404, as for an edition withdrawn by the change */
        GONE,
        /** an exception out of the rendering */
        FAILURE
    }

    private MockHttpServletResponse get(String... headers) throws Exception {
        return get(Answer.PAGE, headers);
    }

    private MockHttpServletResponse get(Answer answer, String... headers) throws Exception {
        var request = new MockHttpServletRequest("GET", PAGE);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            renderings.incrementAndGet();
            var http = (HttpServletResponse) res;
            switch (answer) {
                case PAGE -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getOutputStream().write("<p>after the change</p>".getBytes(StandardCharsets.UTF_8));
                }
                case DATABASE_AWAY -> {
                    res.getOutputStream().write("<p>half a page</p>".getBytes(StandardCharsets.UTF_8));
                    http.resetBuffer();
                    http.sendError(503);
                }
                case GONE -> http.sendError(404);
                case FAILURE -> throw new ServletException("the rendering failed");
            }
        });
        return response;
    }

    /** The refresher's run for the change ended without rendering the page again, as when the database went away. */
    private void refresherRunEnded() throws Exception {
        cache.invalidate(); // no server here: the run ends at once
        refresher.idle().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(refresher.isRenderingAgain(cache.generation())).isFalse();
    }

    @Test
    void aReaderWhoseRenderingMeetsTheDatabaseAwaySoonAfterAChangeIsGivenThePreviousVersion() throws Exception {
        refresherRunEnded();
        var response = get(Answer.DATABASE_AWAY);
        assertThat(renderings).as("rendered, since no one else renders it").hasValue(1);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("<p>before the change</p>");
        assertThat(response.getHeader("ETag")).isEqualTo(cache.previousVersion(cache.generation(), PAGE).etag().value());
        assertThat(cache.get(PAGE)).as("nothing kept").isNull();
        assertThat(get(Answer.DATABASE_AWAY).getContentAsString()).as("the next reader too").isEqualTo("<p>before the change</p>");
        assertThat(get(Answer.PAGE).getContentAsString()).as("the database back").isEqualTo("<p>after the change</p>");
    }

    @Test
    void theDatabaseAwayLongAfterAChangeOrForAnEditorIsStillA503() throws Exception {
        refresherRunEnded();
        assertThat(get(Answer.DATABASE_AWAY, "Cookie", "SESSION=an-editors-session").getStatus()).isEqualTo(503);
        clock.advance(PageCacheFilter.PREVIOUS_VERSIONS_AT_MOST);
        assertThat(get(Answer.DATABASE_AWAY).getStatus()).as("what a change removed must not stay on view longer").isEqualTo(503);
        assertThat(get(Answer.PAGE).getContentAsString()).isEqualTo("<p>after the change</p>");
    }

    @Test
    void anAnonymousReaderIsGivenThePreviousVersionWithoutRenderingIt() throws Exception {
        assertThat(get().getContentAsString()).isEqualTo("<p>before the change</p>");
        assertThat(renderings).hasValue(0);
    }

    @Test
    void anEditorsBrowserAndAHardReloadGetThePageAsItIsNow() throws Exception {
        assertThat(get("Cookie", "SESSION=an-editors-session").getContentAsString()).isEqualTo("<p>after the change</p>");
        assertThat(get("Cache-Control", "no-cache").getContentAsString()).isEqualTo("<p>after the change</p>");
    }

    @Test
    void longAfterTheChangeAPageTheRefresherHasNotReachedIsRenderedByItsReader() throws Exception {
        clock.advance(PageCacheFilter.PREVIOUS_VERSIONS_AT_MOST);
        assertThat(get().getContentAsString()).isEqualTo("<p>after the change</p>");
        assertThat(renderings).hasValue(1);
    }

    @Test
    void aRenderingOfThePageAsItIsNowThatMeetsTheDatabaseAwayLeavesThePreviousVersionToReaders() throws Exception {
        refresherRunEnded();
        assertThat(get(Answer.DATABASE_AWAY, "Cache-Control", "no-cache").getStatus()).as("the refresher's request").isEqualTo(503);
        var reader = get(Answer.DATABASE_AWAY);
        assertThat(reader.getStatus()).isEqualTo(200);
        assertThat(reader.getContentAsString()).isEqualTo("<p>before the change</p>");
        assertThat(renderings).hasValue(2);
    }

    @Test
    void aRenderingThatFailsLeavesThePreviousVersionToReaders() throws Exception {
        refresherRunEnded();
        assertThatThrownBy(() -> get(Answer.FAILURE, "Cache-Control", "no-cache")).isInstanceOf(ServletException.class);
        assertThat(get(Answer.DATABASE_AWAY).getContentAsString()).isEqualTo("<p>before the change</p>");
    }

    @Test
    void aPageTheChangeWithdrewIsNotGivenItsPreviousVersionAgain() throws Exception {
        refresherRunEnded();
        assertThat(get(Answer.GONE, "Cache-Control", "no-cache").getStatus()).isEqualTo(404);
        assertThat(cache.previousVersion(cache.generation(), PAGE)).isNull();
        assertThat(get(Answer.DATABASE_AWAY).getStatus()).as("with the database away, nothing to give instead").isEqualTo(503);
    }
}
