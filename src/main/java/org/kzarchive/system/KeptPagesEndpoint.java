package org.kzarchive.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SendfileKeepAliveState;
import org.apache.tomcat.util.net.SocketBufferHandler;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's NIO endpoint, but that a plain request for a page kept in the current generation
 * ({@link KeptPageRequest}) is answered where Tomcat found the connection readable, on its poller
 * thread, instead of being handed to a virtual thread that hands the connection back to the poller
 * after the response. Those two hand-overs cost the interview (sent with sendfile) 10 µs of kernel
 * time and 1.4–1.8 thread switches per response, and kept it at 60–70% of nginx's requests per second
 * (.bench/RESULTS.md). The answer is the one {@link KeptPagesValve} gives, byte for byte (tests compare
 * them), without blocking the poller: the head and a page from memory go out in one write, a page on
 * disk by Tomcat's own sendfile, which waits for a slow reader on the poller as it does for any response;
 * what a first write could not send goes out on a virtual thread with Tomcat's blocking writes.
 * Anything else, a request not yet all arrived included, goes to Tomcat as before, its bytes read
 * already left in the connection's buffer for Tomcat's parser.
 */
public class KeptPagesEndpoint extends NioEndpoint {

    private static final Log log = LogFactory.getLog(KeptPagesEndpoint.class);

    // pipelined requests answered in a row before the rest goes to Tomcat, so one connection cannot hold the poller
    private static final int MOST_IN_A_ROW = 16;

    /** Where the endpoint finds kept pages, and counts those it answers. */
    interface KeptPages {

        /** The page kept in the current generation under {@code key}, or null. */
        PageCache.Page current(String key);

        void answered();
    }

    private enum Outcome { ANSWERED, CLOSE, TOMCAT }

    private volatile KeptPages kept;
    private final LongAdder finishedOnAThread = new LongAdder();

    /** From now on, kept pages are answered here; null stops it (every request goes to Tomcat). */
    void answerFrom(KeptPages kept) {
        this.kept = kept;
    }

    /** Where kept pages are answered from, or null when they are not answered here. */
    KeptPages answeringFrom() {
        return kept;
    }

    /** How many answers went out partly on a virtual thread, the reader not taking them at once. */
    long finishedOnAThread() {
        return finishedOnAThread.sum();
    }

    @Override
    public boolean processSocket(SocketWrapperBase<NioChannel> wrapper, SocketEvent event, boolean dispatch) {
        KeptPages pages = kept;
        if (pages == null || event != SocketEvent.OPEN_READ || !dispatch || isPaused() || isSSLEnabled()
                || !(wrapper instanceof NioSocketWrapper socket) || socket.isClosed() || socket.getCurrentProcessor() != null
                || socket.getSendfileData() != null || !socket.getLock().tryLock()) {
            return super.processSocket(wrapper, event, dispatch);
        }
        Outcome outcome;
        try {
            outcome = answerAll(socket, pages);
        } catch (RuntimeException failed) {
            // a connection left without interest would never be looked at again: closed instead
            log.warn("A kept page could not be answered on the poller; the connection is closed", failed);
            outcome = Outcome.CLOSE;
        } finally {
            socket.getLock().unlock();
        }
        return switch (outcome) {
            case ANSWERED -> true;
            case CLOSE -> false;
            case TOMCAT -> super.processSocket(wrapper, event, dispatch);
        };
    }

    /** Answers the requests in the connection's buffer, as long as they are for kept pages. */
    private Outcome answerAll(NioSocketWrapper socket, KeptPages pages) {
        SocketBufferHandler buffers = socket.getSocketBufferHandler();
        try {
            if (!socket.isReadyForRead()) {
                socket.registerReadInterest(); // woken with nothing to read: what Tomcat's processor would do
                return Outcome.ANSWERED;
            }
        } catch (IOException closedByTheReader) {
            return Outcome.CLOSE;
        }
        socket.updateLastRead();
        buffers.configureReadBufferForRead();
        ByteBuffer input = buffers.getReadBuffer();
        for (int answered = 0; answered < MOST_IN_A_ROW; answered++) {
            Answer answer = answer(socket, input, pages);
            if (answer == null) {
                return Outcome.TOMCAT;
            }
            pages.answered();
            try {
                if (!answer.sendWithoutWaiting(socket)) {
                    finishOnAThread(socket, answer, pages);
                    return Outcome.ANSWERED;
                }
            } catch (IOException readerGone) {
                answer.close();
                return Outcome.CLOSE;
            }
            Outcome sent = sendTheFile(socket, answer.file);
            if (sent != null) {
                return sent;
            }
            if (!input.hasRemaining()) {
                return readAgain(socket);
            }
        }
        return Outcome.TOMCAT;
    }

    /** The answer to the request at {@code input}'s position, consuming it; or null, leaving it for Tomcat. */
    private Answer answer(NioSocketWrapper socket, ByteBuffer input, KeptPages pages) {
        KeptPageRequest request = KeptPageRequest.of(input);
        if (request == null) {
            return null;
        }
        PageCache.Page page = pages.current(request.path());
        if (page == null) {
            return null;
        }
        boolean notModified = PageCacheFilter.notModified(request.ifNoneMatch(), page.etag().value());
        byte[] body = page.body(request.acceptsGzip());
        Path file = page.file(request.acceptsGzip());
        int keepAliveSeconds = getKeepAliveTimeout() / 1000;
        if (request.keepAlive() && keepAliveSeconds <= 0) {
            return null;
        }
        ByteBuffer head = head(page, request.acceptsGzip(), notModified, body.length, request.keepAlive() ? keepAliveSeconds : 0);
        if (head == null) {
            return null;
        }
        boolean withBody = !notModified && !request.head();
        Answer answer;
        if (withBody && file != null) {
            try {
                answer = new Answer(head, null, new OpenedFile(file, body.length));
            } catch (IOException gone) {
                return null; // a page of an earlier generation whose file is gone: Tomcat renders or answers it
            }
        } else {
            answer = new Answer(head, withBody ? ByteBuffer.wrap(body) : null, null);
        }
        if (!keepsTheConnection(socket)) {
            answer.close();
            return null;
        }
        input.position(input.position() + request.length());
        if (answer.file != null) {
            answer.file.keepAliveState = input.hasRemaining() ? SendfileKeepAliveState.PIPELINED : SendfileKeepAliveState.OPEN;
        }
        return answer;
    }

    /** Whether this response keeps the connection open, counting it as Tomcat does; when not, Tomcat answers and closes. */
    private boolean keepsTheConnection(NioSocketWrapper socket) {
        int most = getMaxKeepAliveRequests();
        return most != 1 && (most <= 0 || socket.decrementKeepAlive() > 0);
    }

    /**
     * The status line and headers {@link PageCacheFilter#send} gives Tomcat, in Tomcat's order, with
     * the Content-Length Tomcat adds, and when {@code keepAliveSeconds} is not 0 (the request said
     * {@code Connection: keep-alive}) the two headers Tomcat then adds; null when a header is not
     * Latin-1 (Tomcat then encodes it).
     */
    private static ByteBuffer head(PageCache.Page page, boolean gzip, boolean notModified, int length, int keepAliveSeconds) {
        List<HeaderBytes.Header> headers = new ArrayList<>(16);
        headers.add(page.etag());
        headers.add(PageCacheFilter.NO_CACHE);
        headers.add(PageCacheFilter.VARY_ENCODING);
        headers.add(HeaderBytes.currentDate());
        if (!notModified) {
            headers.add(page.contentTypeHeader());
            headers.addAll(page.replayedHeaders());
            if (gzip) {
                headers.add(PageCacheFilter.GZIP);
            }
        }
        byte[] status = (notModified ? "HTTP/1.1 304 \r\n" : "HTTP/1.1 200 \r\n").getBytes(StandardCharsets.US_ASCII);
        String added = (notModified ? "" : "Content-Length: " + length + "\r\n")
                + (keepAliveSeconds > 0 ? "Keep-Alive: timeout=" + keepAliveSeconds + "\r\nConnection: keep-alive\r\n" : "");
        byte[] tomcats = added.getBytes(StandardCharsets.US_ASCII);
        int size = status.length + tomcats.length + 2;
        for (HeaderBytes.Header header : headers) {
            if (header.bytes() == null) {
                return null;
            }
            size += header.nameBytes().length + 2 + header.bytes().length + 2;
        }
        ByteBuffer head = ByteBuffer.allocate(size).put(status);
        for (HeaderBytes.Header header : headers) {
            head.put(header.nameBytes()).put((byte) ':').put((byte) ' ').put(header.bytes()).put((byte) '\r').put((byte) '\n');
        }
        return head.put(tomcats).put((byte) '\r').put((byte) '\n').flip();
    }

    /**
     * After the head of a page on disk, Tomcat's sendfile sends the file: null when it is sent, or the
     * outcome when the poller sends the rest (the reader is slow; then it reads again, or hands the
     * pipelined requests back here) or the connection failed. Null too when there is no file.
     */
    private static Outcome sendTheFile(NioSocketWrapper socket, OpenedFile file) {
        if (file == null) {
            return null;
        }
        return switch (socket.processSendfile(file)) {
            case DONE -> null;
            case PENDING -> Outcome.ANSWERED;
            case ERROR -> Outcome.CLOSE;
        };
    }

    private static Outcome readAgain(NioSocketWrapper socket) {
        socket.registerReadInterest();
        return Outcome.ANSWERED;
    }

    /** What a first write left unsent goes out on a virtual thread, with Tomcat's blocking writes (its write timeout applies). */
    private void finishOnAThread(NioSocketWrapper socket, Answer answer, KeptPages pages) {
        finishedOnAThread.increment();
        try {
            socket.execute(() -> {
                socket.getLock().lock();
                try {
                    socket.write(true, answer.head);
                    if (answer.body != null) {
                        socket.write(true, answer.body);
                    }
                    socket.flush(true);
                    Outcome outcome = sendTheFile(socket, answer.file);
                    if (outcome == null) {
                        outcome = socket.getSocketBufferHandler().getReadBuffer().hasRemaining() ? answerAll(socket, pages)
                                : readAgain(socket);
                    }
                    if (outcome == Outcome.CLOSE
                            || (outcome == Outcome.TOMCAT && !super.processSocket(socket, SocketEvent.OPEN_READ, true))) {
                        socket.close();
                    }
                } catch (IOException | RuntimeException failed) {
                    answer.close();
                    socket.close();
                } finally {
                    socket.getLock().unlock();
                }
            });
        } catch (RejectedExecutionException stopping) {
            answer.close();
            socket.close();
        }
    }

    /** A response's head, and its body from memory or from a file (either may be null). */
    private record Answer(ByteBuffer head, ByteBuffer body, OpenedFile file) {

        /** Writes what the socket takes now; whether all of it (a file: its head) went. */
        boolean sendWithoutWaiting(NioSocketWrapper socket) throws IOException {
            var channel = socket.getSocket().getIOChannel();
            long written = body == null ? channel.write(head) : channel.write(new ByteBuffer[] {head, body});
            if (written > 0) {
                socket.updateLastWrite();
            }
            return !head.hasRemaining() && (body == null || !body.hasRemaining());
        }

        void close() {
            if (file != null) {
                file.close();
            }
        }
    }

    /** Tomcat's sendfile data with the file opened before anything is sent, so that a file gone leaves the request to Tomcat. */
    private static final class OpenedFile extends SendfileData {

        OpenedFile(Path file, long length) throws IOException {
            super(file.toString(), 0, length);
            fchannel = FileChannel.open(file);
        }

        void close() {
            try {
                fchannel.close();
            } catch (IOException ignored) {
                // nothing more to send from it
            }
        }
    }
}
