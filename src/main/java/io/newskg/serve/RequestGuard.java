package io.newskg.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.lib.Sink;
import org.apache.jena.atlas.lib.SinkNull;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.lang.UpdateParser;
import org.apache.jena.sparql.modify.UpdateSink;
import org.apache.jena.sparql.modify.request.QuadDataAccSink;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.update.Update;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks made before Fuseki sees a request:
 * <ul>
 * <li>size: a query string or body over the limit is 413 (a 5 MB query took 30 s to parse);
 *     Graph Store uploads ({@code uploads}) are exempt, they are data and need the password, and
 *     a SPARQL Update from the signed-in user (a page from add --server) has a limit of its own;</li>
 * <li>CSRF: a write (to a write endpoint, or carrying credentials) with a content type a
 *     cross-site form can send (form, multipart, text/plain, none) is 415, so a browser's cached
 *     password cannot be used by another site;</li>
 * <li>LOAD: an update loading anything but http(s) ({@code file:} would publish server files) is 403.</li>
 * </ul>
 */
final class RequestGuard implements Filter {
    private static final Set<String> SIMPLE = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    private final long maxBytes;
    private final long maxUpdateBytes;
    private final Set<String> updates;
    private final Set<String> uploads;

    /**
     * @param maxBytes       largest query string or body
     * @param maxUpdateBytes largest update body of a signed-in user
     * @param updates        paths of SPARQL Update endpoints ("/newskg/update")
     * @param uploads        paths of Graph Store write endpoints ("/newskg/data")
     */
    RequestGuard(long maxBytes, long maxUpdateBytes, Set<String> updates, Set<String> uploads) {
        this.maxBytes = maxBytes;
        this.maxUpdateBytes = maxUpdateBytes;
        this.updates = updates;
        this.uploads = uploads;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        boolean update = matches(req, updates), upload = matches(req, uploads);
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        boolean hasBody = !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("DELETE"));
        if (hasBody && (update || upload || req.getHeader("Authorization") != null) && isSimple(req.getContentType())) {
            refuse(resp, 415, "writes need a content type such as application/sparql-update or text/turtle "
                    + "(a form or text/plain body is refused: it could come from another site)");
            return;
        }
        // Security has checked the credentials by now: only the update user gets past it with a principal.
        boolean signedIn = update && req.getUserPrincipal() != null;
        long max = signedIn ? maxUpdateBytes : maxBytes;
        if (!upload) {
            String qs = req.getQueryString();
            if (qs != null && qs.length() > maxBytes || req.getContentLengthLong() > max) {
                tooLarge(resp, signedIn);
                return;
            }
            if (hasBody && req.getContentLengthLong() < 0 && req.getHeader("Transfer-Encoding") != null) {
                if (mediaType(req.getContentType()).equals("application/x-www-form-urlencoded")) {
                    refuse(resp, 411, "a form body needs a Content-Length");
                    return;
                }
                byte[] body = readAtMost(req.getInputStream(), max);
                if (body == null) {
                    tooLarge(resp, signedIn);
                    return;
                }
                req = new Buffered(req, body);
            }
        }
        if (update && hasBody && mediaType(req.getContentType()).equals("application/sparql-update")) {
            byte[] body = req instanceof Buffered b ? b.body : readAtMost(req.getInputStream(), max);
            if (body == null) {
                tooLarge(resp, signedIn);
                return;
            }
            String refused = nonHttpLoad(new String(body, charset(req)));
            if (refused != null) {
                refuse(resp, 403, "LOAD <" + refused + "> refused: only http and https sources may be loaded");
                return;
            }
            if (!(req instanceof Buffered)) req = new Buffered(req, body);
        }
        chain.doFilter(req, response);
    }

    /** "Basic" and the base64 of user:password; other schemes pass (Fuseki refuses them with 401). */
    static boolean wellFormedBasic(String header) {
        String h = header.strip();
        int sp = h.indexOf(' ');
        String scheme = sp < 0 ? h : h.substring(0, sp);
        if (!scheme.equalsIgnoreCase("basic")) return true;
        if (sp < 0) return false;
        try {
            byte[] raw = java.util.Base64.getDecoder().decode(h.substring(sp + 1).strip());
            return new String(raw, StandardCharsets.UTF_8).indexOf(':') >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The first LOAD source that is not http(s), or null (also when the update does not parse: Fuseki reports that). */
    static String nonHttpLoad(String update) {
        List<String> refused = new ArrayList<>();
        // streamed, the data of INSERT DATA dropped: a page's update of megabytes is not held as quads twice
        Sink<Quad> drop = new SinkNull<>();
        UpdateSink sink = new UpdateSink() {
            @Override public void send(Update op) {
                if (op instanceof UpdateLoad load && refused.isEmpty()) {
                    String src = load.getSource().toLowerCase(Locale.ROOT);
                    if (!src.startsWith("http://") && !src.startsWith("https://")) refused.add(load.getSource());
                }
            }
            @Override public QuadDataAccSink createInsertDataSink() { return new QuadDataAccSink(drop); }
            @Override public QuadDataAccSink createDeleteDataSink() { return new QuadDataAccSink(drop); }
            @Override public void flush() {}
            @Override public void close() {}
        };
        try {
            // relative IRIs resolve against the system base, as UpdateFactory does
            Prologue prologue = new Prologue();
            prologue.setBase(org.apache.jena.irix.IRIs.getSystemBase());
            UpdateParser.createParser(Syntax.defaultUpdateSyntax).parse(sink, prologue, new StringReader(update));
        } catch (QueryParseException e) {
            return null;
        }
        return refused.isEmpty() ? null : refused.get(0);
    }

    /** The request's path, raw and as Jetty decoded it, is one of {@code paths}. */
    private static boolean matches(HttpServletRequest req, Set<String> paths) {
        if (paths.isEmpty()) return false;
        String raw = req.getRequestURI().substring(req.getContextPath().length());
        String decoded = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        return paths.contains(strip(raw)) || paths.contains(strip(decoded));
    }

    private static String strip(String p) {
        int semi = p.indexOf(';');
        if (semi >= 0) p = p.substring(0, semi);
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.replaceAll("/{2,}", "/");
    }

    private static boolean isSimple(String contentType) {
        String t = mediaType(contentType);
        return t.isEmpty() || SIMPLE.contains(t);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) return "";
        int semi = contentType.indexOf(';');
        return (semi >= 0 ? contentType.substring(0, semi) : contentType).strip().toLowerCase(Locale.ROOT);
    }

    private static Charset charset(HttpServletRequest req) {
        try {
            return req.getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(req.getCharacterEncoding());
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The whole stream if it holds at most {@code max} bytes, else null. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        return b.length > max ? null : b;
    }

    private void tooLarge(HttpServletResponse resp, boolean signedIn) throws IOException {
        refuse(resp, 413, signedIn ? "update larger than " + maxUpdateBytes + " bytes (NEWSKG_MAX_UPDATE_BYTES)"
                : "request larger than " + maxBytes + " bytes (NEWSKG_MAX_REQUEST_BYTES)");
    }

    private static void refuse(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.setHeader("Connection", "close");
        resp.getWriter().println(message);
    }

    /** A request whose body was read here, served again from memory. */
    private static final class Buffered extends HttpServletRequestWrapper {
        final byte[] body;

        Buffered(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public long getContentLengthLong() { return body.length; }

        @Override
        public int getContentLength() { return body.length; }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException(); }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(this)));
        }
    }
}
