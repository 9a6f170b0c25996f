package io.newskg.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A query cancelled by its overall timeout after the first results went out cannot answer 503
 * any more, and Fuseki then ends the 200 response as if it were complete. This filter holds back
 * the end of every response until the handler returns; if a query of the request was cancelled
 * meanwhile and the response had started a successful (non-error) body, the connection is aborted
 * instead, so a client sees a failed transfer (curl: exit 18, Java: "EOF reached while reading",
 * fetch: a network error), never a short answer that parses. Error responses (a 503 written whole
 * because the timeout came before the first result) end normally.
 */
final class CutOffGuard implements Filter {
    /** The cancel flags of the queries the current request thread started (set by the optimizer hook). */
    private static final ThreadLocal<List<AtomicBoolean>> CANCEL = new ThreadLocal<>();

    /** Called for each query planned on this thread. */
    static void noteQuery(AtomicBoolean cancel) {
        List<AtomicBoolean> l = CANCEL.get();
        if (l != null && cancel != null) l.add(cancel);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        List<AtomicBoolean> flags = new ArrayList<>();
        CANCEL.set(flags);
        Held held = new Held((HttpServletResponse) response);
        try {
            chain.doFilter(request, held);
        } finally {
            CANCEL.remove();
        }
        // Only a successful body can have been cut short: an error response (the 503 Fuseki writes
        // when the timeout fires before the first result) is whole, so it ends normally and the
        // connection stays open. A client that left reads nothing more (and may have left after
        // the whole answer, before the end was sent).
        if (response.isCommitted() && ((HttpServletResponse) response).getStatus() < 400
                && flags.stream().anyMatch(AtomicBoolean::get) && !ClientGone.left(request)) {
            // Thrown after commit, Jetty aborts the connection without the final chunk.
            throw new IOException("query timed out after its first results: response cut off");
        }
        held.finish();
    }

    /** The response with close() deferred to {@link #finish}. */
    private static final class Held extends HttpServletResponseWrapper {
        private ServletOutputStream out;
        private PrintWriter writer;

        Held(HttpServletResponse r) { super(r); }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                ServletOutputStream real = super.getOutputStream();
                out = new ServletOutputStream() {
                    @Override public void write(int b) throws IOException { real.write(b); }
                    @Override public void write(byte[] b, int off, int len) throws IOException { real.write(b, off, len); }
                    @Override public void flush() throws IOException { real.flush(); }
                    @Override public void close() throws IOException { real.flush(); }
                    @Override public boolean isReady() { return real.isReady(); }
                    @Override public void setWriteListener(WriteListener l) { real.setWriteListener(l); }
                };
            }
            return out;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())), false);
            return writer;
        }

        void finish() throws IOException {
            if (writer != null) writer.flush();
            if (out != null) super.getOutputStream().close();
        }
    }
}
