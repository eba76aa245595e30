package org.kzarchive.system;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Answers a GET or HEAD for a page kept in the current generation in Tomcat's pipeline, before the
 * container builds the request's filter chain and calls the filters: {@link PageCacheFilter} would
 * answer it first of all filters, with the same bytes and headers, but with 10–15% more CPU per response
 * (measured side by side). Anything else goes on to the filters: a page not kept, a previous
 * version, a rendering to wait for are the filter's. When the server was opened before the start ended
 * ({@link KeptPagesFirst}), anything else waits here for its end.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after HeaderBytes' valve, which gives it Tomcat's header list
class KeptPagesValve implements TomcatContextCustomizer, WebServerFactoryCustomizer<TomcatServletWebServerFactory>, DisposableBean {

    // a start opened early has made its database and web server: what is left takes seconds
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    private final PageCache cache;
    private final MessageSource messages;
    private final LongAdder answered = new LongAdder();
    private final LongAdder answeredOnThePoller = new LongAdder();
    private final boolean onThePoller;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean stopped;

    KeptPagesValve(PageCache cache, MessageSource messages, @Value("${archive.kept-pages-on-poller:true}") boolean onThePoller) {
        this.cache = cache;
        this.messages = messages;
        this.onThePoller = onThePoller;
    }

    @Override
    public void customize(Context context) {
        context.getPipeline().addValve(new Answer());
    }

    /**
     * Unless {@code archive.kept-pages-on-poller} is false, the requests this valve would answer that are
     * plain enough ({@link KeptPageRequest}) are answered before they reach it, on Tomcat's poller
     * ({@link KeptPagesEndpoint}), with the same bytes.
     */
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            if (onThePoller && connector.getProtocolHandler() instanceof HeaderBytes.KeptPagesProtocol protocol) {
                protocol.keptPagesEndpoint().answerFrom(new KeptPagesEndpoint.KeptPages() {
                    @Override
                    public PageCache.Page current(String key) {
                        return cache.get(key);
                    }

                    @Override
                    public void answered() {
                        answered.increment();
                        answeredOnThePoller.increment();
                    }
                });
            }
        });
    }

    /** How many requests for kept pages were answered since the start, by this valve or on the poller. */
    long answered() {
        return answered.sum();
    }

    /** How many of them were answered on Tomcat's poller. */
    long answeredOnThePoller() {
        return answeredOnThePoller.sum();
    }

    private final class Answer extends ValveBase {

        Answer() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            String method = request.getMethod();
            if (method.equals("GET") || method.equals("HEAD")) {
                String key = PageCacheKey.unchecked(request);
                PageCache.Page page = key == null ? null : cache.get(key);
                if (page == null) {
                    key = PageCacheKey.of(request).orElse(null);
                    page = key == null ? null : cache.get(key);
                }
                if (page != null) {
                    // counted first: a page that fills its Content-Length goes out before send returns
                    answered.increment();
                    PageCacheFilter.send(request, response, key, page);
                    return;
                }
            }
            if (!startEnded()) {
                refuseWhileStarting(request, response);
                return;
            }
            getNext().invoke(request, response);
        }
    }

    /** Whether the start has ended, waiting for it when the server was opened early ({@link KeptPagesFirst}). */
    private boolean startEnded() {
        if (started.getCount() > 0) {
            try {
                started.await(START_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return started.getCount() == 0 && !stopped;
    }

    private void refuseWhileStarting(Request request, Response response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "10");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println(messages.getMessage("error.starting", null, InterfaceLanguage.of(request)));
    }

    /** The start has ended the usual way: the web server would only now have accepted requests. */
    @EventListener(WebServerInitializedEvent.class)
    void startEnded(WebServerInitializedEvent event) {
        started.countDown();
    }

    /** A start that fails, or a stop: requests still held are refused. */
    @Override
    public void destroy() {
        stopped = true;
        started.countDown();
    }
}
