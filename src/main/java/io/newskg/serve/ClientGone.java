package io.newskg.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.jena.fuseki.Fuseki;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cancels the queries of a request whose client has closed its connection. Jetty learns that an
 * HTTP/1.1 client left only when it reads or writes, and while a query computes its first result
 * it does neither, so the query ran on to its timeout. Here, once a query request starts
 * evaluating (its text read and parsed, so nothing of it is left unread), its socket is watched
 * by one selector thread: readable with no bytes waiting is the end of the stream, and the
 * query's cancel signal (the one its timeout raises) is set. Bytes waiting there (a pipelined
 * next request) stay for Jetty, and that request is not watched further. Plain HTTP connections
 * only; a client that shuts down its sending side and still waits for the answer counts as gone.
 */
final class ClientGone implements Filter {
    private static final ThreadLocal<Watch> CURRENT = new ThreadLocal<>();
    private static final String ATTRIBUTE = ClientGone.class.getName();

    private final Queue<Runnable> changes = new ConcurrentLinkedQueue<>();
    private Selector selector;
    private volatile boolean stopped;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        SocketChannel channel = QueryLimit.isQuery(req) && !"OPTIONS".equals(req.getMethod()) ? channel(request) : null;
        if (channel == null) {
            chain.doFilter(request, response);
            return;
        }
        Watch w = new Watch(this, channel);
        CURRENT.set(w);
        request.setAttribute(ATTRIBUTE, w);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
            w.end();
        }
    }

    /** The socket under a request, or null (TLS, HTTP/2, not Jetty). */
    private static SocketChannel channel(ServletRequest request) {
        try {
            EndPoint ep = ServletContextRequest.getServletContextRequest(request).getConnectionMetaData().getConnection().getEndPoint();
            return ep instanceof SocketChannelEndPoint s ? s.getChannel() : null;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** Whether the client of this request closed its connection while one of its queries ran. */
    static boolean left(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Watch w && w.gone();
    }

    /** Called for each query planned on this thread, with its cancel signal. */
    static void noteQuery(AtomicBoolean cancel) {
        Watch w = CURRENT.get();
        if (w != null && cancel != null) w.add(cancel);
    }

    @Override
    public void destroy() {
        Selector s;
        synchronized (this) {
            stopped = true;
            s = selector;
        }
        if (s != null) s.wakeup();
    }

    private void submit(Runnable change) {
        Selector s;
        synchronized (this) {
            if (stopped) return;
            if (selector == null) {
                try {
                    selector = Selector.open();
                } catch (IOException e) {
                    Fuseki.serverLog.warn("cannot watch for clients that leave: " + e.getMessage());
                    stopped = true;
                    return;
                }
                Thread t = new Thread(this::run, "newskg-client-gone");
                t.setDaemon(true);
                t.start();
            }
            s = selector;
        }
        changes.add(change);
        s.wakeup();
    }

    private void run() {
        try {
            while (!stopped) {
                for (Runnable c; (c = changes.poll()) != null; ) c.run();
                // arm() may have selected keys already; select() would wait for new ones
                if (selector.selectedKeys().isEmpty()) selector.select();
                for (SelectionKey k : selector.selectedKeys()) check(k);
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            Fuseki.serverLog.warn("stopped watching for clients that leave: " + e.getMessage());
        } finally {
            try {
                // deregisters every channel, so the ones Jetty closed meanwhile are released
                selector.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    private void arm(Watch w) throws IOException {
        SelectionKey k = w.channel.keyFor(selector);
        // the key of an earlier request on this connection, cancelled at its end: flush it first
        if (k != null) selector.selectNow();
        try {
            w.channel.register(selector, SelectionKey.OP_READ, w);
        } catch (ClosedChannelException | CancelledKeyException e) {
            w.clientGone();
        } catch (IllegalBlockingModeException e) {
            // not a channel Jetty reads without blocking: leave it
        }
    }

    private void disarm(Watch w) {
        SelectionKey k = w.channel.keyFor(selector);
        if (k != null && k.attachment() == w) k.cancel();
    }

    /** The socket is readable: the end of the stream, or the next request. Either way this request's watch ends. */
    private static void check(SelectionKey k) {
        if (!(k.attachment() instanceof Watch w)) return;
        k.cancel();
        int waiting;
        try {
            waiting = w.channel.socket().getInputStream().available();
        } catch (IOException e) {
            waiting = 0; // reset by the peer
        }
        if (waiting == 0) w.clientGone();
    }

    /** The queries of one request and whether its socket is watched. */
    private static final class Watch {
        private final ClientGone owner;
        private final SocketChannel channel;
        private final List<AtomicBoolean> cancels = new ArrayList<>();
        private boolean armed, ended, gone;

        Watch(ClientGone owner, SocketChannel channel) {
            this.owner = owner;
            this.channel = channel;
        }

        synchronized void add(AtomicBoolean cancel) {
            if (gone) {
                cancel.set(true);
                return;
            }
            cancels.add(cancel);
            if (!armed) {
                armed = true;
                owner.submit(() -> {
                    try {
                        owner.arm(this);
                    } catch (IOException e) {
                        Fuseki.serverLog.warn("cannot watch a client: " + e.getMessage());
                    }
                });
            }
        }

        synchronized boolean gone() {
            return gone;
        }

        synchronized void clientGone() {
            if (ended) return;
            gone = true;
            for (AtomicBoolean c : cancels) c.set(true);
        }

        void end() {
            boolean wasArmed;
            synchronized (this) {
                ended = true;
                wasArmed = armed;
            }
            if (wasArmed) owner.submit(() -> owner.disarm(this));
        }
    }
}
