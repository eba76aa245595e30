package org.kzarchive.system;

import java.util.concurrent.TimeUnit;

import org.springframework.context.ApplicationContext;

/**
 * For tests that read, as an anonymous reader, a page a change has just made stale: until
 * {@link PageRefresher} has rendered it again, such a reader may be served its previous version.
 */
public final class PagesRenderedAgain {

    private PagesRenderedAgain() {
    }

    /** Returns once no page is being rendered again after the changes made so far (at most a minute). */
    public static void await(ApplicationContext context) {
        try {
            context.getBean(PageRefresher.class).idle().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while pages were rendered again", e);
        } catch (Exception e) {
            throw new AssertionError("pages were not rendered again within a minute after a change", e);
        }
    }
}
