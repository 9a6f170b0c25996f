package io.newskg.serve;

import io.newskg.rdf.NKG;
import io.newskg.serve.search.SearchIndex;
import io.newskg.store.IndexStamp;
import io.newskg.serve.search.SearchService;
import io.newskg.serve.search.SearchServlet;
import io.newskg.serve.text.TextIndexSync;
import org.apache.jena.assembler.Assembler;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mgt.FusekiServerCtl;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.mod.ui.FMod_UI;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.eclipse.jetty.security.UserStore;
import org.apache.jena.atlas.web.AuthScheme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fuseki on the TDB2 store, configured by fuseki-config/config.ttl with the store's location
 * filled in, plus what people need around the SPARQL endpoint: the Chinese full-text index kept
 * in step with the store, password-protected updates, a query timeout, CORS, the Fuseki UI,
 * linked-data pages for every instance IRI ({@code /id/…}), a VoID description ({@code /void})
 * and the graph view ({@code /graph/}).
 */
public final class Server {
    private static final String TDB2 = "http://jena.apache.org/2016/tdb#";
    private static final String TEXT = "http://jena.apache.org/text#";
    private static final String FUSEKI = "http://jena.apache.org/fuseki#";
    private static final String JA = "http://jena.hpl.hp.com/2005/11/Assembler#";

    /** Environment variable holding the password of the update user. */
    public static final String ENV_PASSWORD = "NEWSKG_UPDATE_PASSWORD";
    /** Environment variable naming a file whose first line is the password of the update user. */
    public static final String ENV_PASSWORD_FILE = "NEWSKG_UPDATE_PASSWORD_FILE";
    /** Environment variable: query timeout in seconds (replaces the configured one). */
    public static final String ENV_TIMEOUT = "NEWSKG_QUERY_TIMEOUT";
    /** Environment variable: base IRI of instances (default: found in the store). */
    public static final String ENV_BASE = "NEWSKG_BASE";
    /** Environment variable: "true" lets queries run SPARQL SERVICE (federation); only for a trusted deployment. */
    public static final String ENV_FEDERATION = "NEWSKG_FEDERATION";
    /** Environment variable: largest query or update text in bytes (default {@value #DEFAULT_MAX_REQUEST_BYTES}). */
    public static final String ENV_MAX_REQUEST = "NEWSKG_MAX_REQUEST_BYTES";
    /** Environment variable: largest SPARQL Update from the signed-in update user, in bytes (default {@value #DEFAULT_MAX_UPDATE_BYTES}). */
    public static final String ENV_MAX_UPDATE = "NEWSKG_MAX_UPDATE_BYTES";
    /** Environment variable: origins allowed by CORS, comma-separated (default: any, without credentials). */
    public static final String ENV_CORS_ORIGINS = "NEWSKG_CORS_ORIGINS";
    /** A query of the README is well under 2 kB; 256 kB leaves room and keeps parsing to milliseconds. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 256 * 1024;
    /** add --server sends a page as one update, about ten times its text (a seed page: 7-16 KB of text, 72-154 KB); 64 MB holds a 6 MB page. */
    public static final long DEFAULT_MAX_UPDATE_BYTES = 64L * 1024 * 1024;
    /** The user allowed to update (fuseki:allowedUsers in the configuration). */
    public static final String UPDATE_USER = "admin";
    /** The server paths under /$/ anyone may ask: what the Fuseki UI needs. */
    static final java.util.Set<String> OPEN_ADMIN_PATHS = java.util.Set.of("/$/server", "/$/ping");
    /** Name of the index directory inside the store. */
    public static final String INDEX_DIR = "text-index";

    /**
     * How to serve.
     *
     * @param config         Fuseki configuration file (null or missing: the bundled one)
     * @param store          TDB2 store directory
     * @param port           HTTP port (0: any free port)
     * @param updatePassword password of {@value #UPDATE_USER} for updates; null: read-only server
     * @param timeoutMillis  query timeout; 0 or less: as configured
     * @param base           base IRI of instances; null: found in the store
     * @param loopback       listen on localhost only
     * @param federation     let queries run SERVICE against other endpoints (off: SSRF from the open endpoint)
     * @param maxRequestBytes largest query or update (URL query string or body); 413 beyond
     * @param corsOrigins    origins CORS allows ("*": any); credentials are never allowed
     * @param maxUpdateBytes largest SPARQL Update of the signed-in update user (a page sent by add --server); 413 beyond
     */
    public record Options(Path config, Path store, int port, String updatePassword, long timeoutMillis,
                          String base, boolean loopback, boolean federation, long maxRequestBytes, String corsOrigins,
                          long maxUpdateBytes) {
        public Options(Path config, Path store, int port, String updatePassword, long timeoutMillis, String base, boolean loopback) {
            this(config, store, port, updatePassword, timeoutMillis, base, loopback, false, DEFAULT_MAX_REQUEST_BYTES, "*",
                    DEFAULT_MAX_UPDATE_BYTES);
        }

        /** Options from the environment ({@value #ENV_PASSWORD}, {@value #ENV_PASSWORD_FILE}, {@value #ENV_TIMEOUT}, {@value #ENV_BASE}). */
        public static Options fromEnvironment(Path config, Path store, int port) {
            return fromEnvironment(config, store, port, System.getenv());
        }

        static Options fromEnvironment(Path config, Path store, int port, Map<String, String> env) {
            String password = env.get(ENV_PASSWORD);
            String file = env.get(ENV_PASSWORD_FILE);
            if ((password == null || password.isEmpty()) && file != null && !file.isEmpty()) password = readPasswordFile(Path.of(file));
            if (password != null && password.isEmpty()) password = null;
            if (password != null && password.isBlank()) {
                throw new IllegalArgumentException(ENV_PASSWORD + " is only whitespace; set a real password, or unset it for a read-only server");
            }
            long timeout = 0;
            String t = env.get(ENV_TIMEOUT);
            if (t != null && !t.isBlank()) {
                double seconds;
                try {
                    seconds = Double.parseDouble(t.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(ENV_TIMEOUT + " must be a number of seconds: " + t);
                }
                // 0, a negative number or NaN would silently mean the configured limits; Infinity no limit
                if (!(seconds > 0) || Double.isInfinite(seconds) || Math.round(seconds * 1000) < 1) {
                    throw new IllegalArgumentException(ENV_TIMEOUT + " must be a positive number of seconds: " + t);
                }
                timeout = Math.round(seconds * 1000);
            }
            // the query cap's settings are read when the server starts; checked here, with the others,
            // so that a bad one is one line before anything is opened
            QueryLimit.fromEnvironment(env);
            String base = env.get(ENV_BASE);
            String fed = env.getOrDefault(ENV_FEDERATION, "").strip();
            if (!fed.isEmpty() && !fed.equalsIgnoreCase("true") && !fed.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(ENV_FEDERATION + " must be true or false: " + fed);
            }
            long max = bytes(env, ENV_MAX_REQUEST, DEFAULT_MAX_REQUEST_BYTES);
            long maxUpdate = bytes(env, ENV_MAX_UPDATE, DEFAULT_MAX_UPDATE_BYTES);
            String origins = env.get(ENV_CORS_ORIGINS);
            return new Options(config, store, port, password, timeout, base == null || base.isBlank() ? null : base, true,
                    fed.equalsIgnoreCase("true"), max, origins == null || origins.isBlank() ? "*" : origins.strip(), maxUpdate);
        }

        private static long bytes(Map<String, String> env, String name, long dflt) {
            String m = env.get(name);
            if (m == null || m.isBlank()) return dflt;
            long n;
            try {
                n = Long.parseLong(m.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n <= 0) throw new IllegalArgumentException(name + " must be a positive number of bytes: " + m);
            return n;
        }

        public Options withPassword(String p) {
            return new Options(config, store, port, p, timeoutMillis, base, loopback, federation, maxRequestBytes, corsOrigins, maxUpdateBytes);
        }

        public Options withTimeoutMillis(long t) {
            return new Options(config, store, port, updatePassword, t, base, loopback, federation, maxRequestBytes, corsOrigins, maxUpdateBytes);
        }

        public Options withBase(String b) {
            return new Options(config, store, port, updatePassword, timeoutMillis, b, loopback, federation, maxRequestBytes, corsOrigins, maxUpdateBytes);
        }

        public Options withFederation(boolean f) {
            return new Options(config, store, port, updatePassword, timeoutMillis, base, loopback, f, maxRequestBytes, corsOrigins, maxUpdateBytes);
        }

        public Options withMaxRequestBytes(long n) {
            return new Options(config, store, port, updatePassword, timeoutMillis, base, loopback, federation, n, corsOrigins, maxUpdateBytes);
        }

        public Options withMaxUpdateBytes(long n) {
            return new Options(config, store, port, updatePassword, timeoutMillis, base, loopback, federation, maxRequestBytes, corsOrigins, n);
        }

        public Options withCorsOrigins(String o) {
            return new Options(config, store, port, updatePassword, timeoutMillis, base, loopback, federation, maxRequestBytes, o, maxUpdateBytes);
        }
    }

    /** The first line of a password file, without surrounding whitespace. */
    public static String readPasswordFile(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String p = lines.isEmpty() ? "" : lines.get(0).strip();
            if (p.isEmpty()) throw new IllegalArgumentException(file + ": empty password file");
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the password file", e);
        }
    }

    private Server() {}

    /** Reads the configuration from {@code configFile} if it exists, else the copy bundled in the jar. */
    public static Model config(Path configFile, Path store) {
        Model m = ModelFactory.createDefaultModel();
        if (configFile != null && Files.exists(configFile)) {
            RDFDataMgr.read(m, configFile.toString());
        } else {
            try (InputStream in = Server.class.getResourceAsStream("/fuseki-config/config.ttl")) {
                if (in == null) throw new IllegalStateException("no fuseki-config/config.ttl found");
                RDFDataMgr.read(m, in, org.apache.jena.riot.Lang.TURTLE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path dir = store.toAbsolutePath().normalize();
        replaceAll(m, m.createProperty(TDB2 + "location"), m.createLiteral(dir.toString()));
        replaceAll(m, m.createProperty(TEXT + "directory"), m.createLiteral(dir.resolve(INDEX_DIR).toString()));
        return m;
    }

    /** The configuration as served with these options: write endpoints only with a password, the timeout applied. */
    public static Model config(Options o) {
        Model m = config(o.config(), o.store());
        Property allowedUsers = m.createProperty(FUSEKI + "allowedUsers");
        Property endpoint = m.createProperty(FUSEKI + "endpoint");
        Property operation = m.createProperty(FUSEKI + "operation");
        if (o.updatePassword() == null) {
            // Read-only: drop every endpoint that needs a user (the write endpoints).
            for (Statement s : m.listStatements(null, endpoint, (RDFNode) null).toList()) {
                Resource ep = s.getResource();
                if (ep.hasProperty(allowedUsers)) {
                    m.remove(s);
                    removeTree(m, ep);
                }
            }
        }
        Resource query = m.createResource(FUSEKI + "query");
        for (Statement s : m.listStatements(null, endpoint, (RDFNode) null).toList()) {
            Resource ep = s.getResource();
            if (o.timeoutMillis() > 0 && ep.hasProperty(operation, query)) {
                setContext(m, ep, "arq:queryTimeout", Long.toString(o.timeoutMillis()));
            }
            // On every endpoint, whatever the file says: SERVICE from the open endpoint is SSRF.
            setContext(m, ep, "arq:httpServiceAllowed", Boolean.toString(o.federation()));
        }
        return m;
    }

    /** Sets one ja:context entry of an endpoint, replacing any entry of that name. */
    private static void setContext(Model m, Resource ep, String name, String value) {
        Property context = m.createProperty(JA + "context");
        Property cxtName = m.createProperty(JA + "cxtName");
        for (Statement c : ep.listProperties(context).toList()) {
            if (!c.getObject().isResource()) continue;
            Statement n = c.getResource().getProperty(cxtName);
            if (n != null && n.getObject().isLiteral() && n.getString().equals(name)) {
                m.remove(c);
                removeTree(m, c.getResource());
            }
        }
        ep.addProperty(context, m.createResource()
                .addProperty(cxtName, name)
                .addProperty(m.createProperty(JA + "cxtValue"), value));
    }

    /** Serves with the options from the environment (see {@link Options#fromEnvironment}). */
    public static FusekiServer start(Path configFile, Path store, int port) {
        return start(Options.fromEnvironment(configFile, store, port));
    }

    public static FusekiServer start(Options o) {
        QueryGuards.install();
        Model cfg = config(o);
        System.err.println("serve: store " + o.store() + "; checking the text index against the store…");
        for (TextIndexSync.Result r : syncTextIndexes(cfg, System.err)) {
            System.err.printf(r.rebuilt() ? "text index rebuilt: %d entries in %.1f s%n"
                            : "text index up to date (checked in %2$.1f s" + (r.scanned() ? ")%n" : ", by the store's stamp)%n"),
                    r.documents(), r.millis() / 1000.0);
        }
        QueryLimit limit = QueryLimit.fromEnvironment(System.getenv());
        AtomicReference<Site> site = new AtomicReference<>();
        AtomicReference<SearchService> search = new AtomicReference<>();
        FusekiServer.Builder b = FusekiServer.create()
                .fusekiModules(FusekiModules.create(FMod_UI.create(), new StopSearch(search), new CloseDatasetsOnStop()))
                // FMod_UI looks for a "webapp" folder there before taking the UI from the jar.
                .addServletAttribute(Fuseki.attrFusekiServerCtl, new FusekiServerCtl(o.store().toAbsolutePath()))
                .addServletAttribute(QueryLimit.ATTRIBUTE, limit)
                .parseConfig(cfg)
                .port(o.port())
                .loopback(o.loopback())
                // Our own CORS filter: Fuseki's default answers Allow-Credentials: true to any Origin (CSRF).
                .enableCors(false, null)
                .addFilter("/*", new Cors(o.corsOrigins()))
                .addFilter("/*", guard(cfg, o.maxRequestBytes(), o.maxUpdateBytes()))
                .addFilter("/*", limit)
                .addFilter("/*", new CutOffGuard())
                .addFilter("/*", new ClientGone())
                .addFilter("/static/*", new QueryEditor.PrefixFilter())
                .enablePing(true)
                // the UI's dataset list needs /$/server and /$/ping; the statistics the UI module
                // turns on (request counts per endpoint) and any other admin path stay closed
                .addFilter("/$/*", (req, resp, chain) -> {
                    String path = ((jakarta.servlet.http.HttpServletRequest) req).getRequestURI();
                    if (OPEN_ADMIN_PATHS.contains(path)) chain.doFilter(req, resp);
                    else ((jakarta.servlet.http.HttpServletResponse) resp).sendError(404);
                })
                .addServlet("/$/server", new ActionServerStatus())
                .addServlet("/id/*", new LinkedDataServlet(site::get))
                .addServlet("/void", new VoidServlet(site::get))
                .addServlet("/.well-known/void", new VoidServlet(site::get))
                .addServlet("/graph/*", new StaticServlet("web", site::get))
                .addServlet("/editor", new QueryEditor.Redirect(site::get))
                .addServlet("/search", new SearchServlet(search::get))
                .addServlet("/search/*", new SearchServlet(search::get));
        if (o.updatePassword() != null) {
            UserStore users = JettySecurityLib.makeUserStore(UPDATE_USER, o.updatePassword());
            b.securityHandler(JettySecurityLib.makeSecurityHandler("NewsKG", users, AuthScheme.BASIC)).auth(AuthScheme.BASIC);
        }
        FusekiServer server = b.build();
        if (o.updatePassword() != null) {
            // Jetty's Basic authenticator answers 500 to credentials that are not base64 of
            // user:password; that is a failed login: 401, before security sees it
            org.eclipse.jetty.server.Server jetty = server.getJettyServer();
            jetty.setHandler(new org.eclipse.jetty.server.Handler.Wrapper(jetty.getHandler()) {
                @Override
                public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                      org.eclipse.jetty.util.Callback callback) throws Exception {
                    String auth = request.getHeaders().get(org.eclipse.jetty.http.HttpHeader.AUTHORIZATION);
                    if (auth != null && !RequestGuard.wellFormedBasic(auth)) {
                        response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.WWW_AUTHENTICATE, "basic realm=\"NewsKG\"");
                        org.eclipse.jetty.server.Response.writeError(request, response, callback, 401, "malformed Authorization header");
                        return true;
                    }
                    return super.handle(request, response, callback);
                }
            });
        }
        site.set(Site.of(server, o.base()));
        Site s = site.get();
        search.set(new SearchService(s.dataset(), o.store().toAbsolutePath().resolve(SearchIndex.DIR), System.err, SEARCH_RECHECK_SECONDS));
        System.err.println("serve: starting Fuseki on port " + o.port() + "…");
        server.start();
        System.err.println("Graph view: http://localhost:" + server.getHttpPort() + "/graph/  Linked data: http://localhost:"
                + server.getHttpPort() + "/id/…  (" + s.base() + "…)  Fuseki UI: http://localhost:" + server.getHttpPort() + "/");
        System.err.println(o.updatePassword() == null
                ? "Read-only: set " + ENV_PASSWORD + " (or " + ENV_PASSWORD_FILE + ") to allow updates by user " + UPDATE_USER
                : "Updates allowed for user " + UPDATE_USER + " at " + s.datasetPath() + "/update and " + s.datasetPath() + "/data");
        return server;
    }

    /** The request guard for the endpoints this configuration serves. */
    static RequestGuard guard(Model cfg, long maxBytes, long maxUpdateBytes) {
        Set<String> updates = new HashSet<>(), uploads = new HashSet<>();
        Property name = cfg.createProperty(FUSEKI + "name");
        Property endpoint = cfg.createProperty(FUSEKI + "endpoint");
        Property operation = cfg.createProperty(FUSEKI + "operation");
        for (Resource svc : cfg.listSubjectsWithProperty(RDF.type, cfg.createResource(FUSEKI + "Service")).toList()) {
            if (!svc.hasProperty(name)) continue;
            String root = "/" + svc.getProperty(name).getString().replaceAll("^/+|/+$", "");
            for (Statement s : svc.listProperties(endpoint).toList()) {
                Resource ep = s.getResource();
                String path = ep.hasProperty(name) ? root + "/" + ep.getProperty(name).getString() : root;
                if (ep.hasProperty(operation, cfg.createResource(FUSEKI + "update"))) updates.add(path);
                if (ep.hasProperty(operation, cfg.createResource(FUSEKI + "gsp-rw"))) uploads.add(path);
            }
        }
        return new RequestGuard(maxBytes, maxUpdateBytes, updates, uploads);
    }

    /** CORS for reading from other sites: the configured origins, never with credentials. */
    static final class Cors extends org.apache.jena.fuseki.servlets.CrossOriginFilter {
        private final Map<String, String> params;

        Cors(String origins) {
            params = Map.of(ALLOWED_ORIGINS_PARAM, origins,
                    ALLOWED_METHODS_PARAM, "GET,POST,DELETE,PUT,HEAD,OPTIONS,PATCH",
                    ALLOWED_HEADERS_PARAM, "X-Requested-With, Content-Type, Accept, Origin, Last-Modified, Authorization",
                    EXPOSED_HEADERS_PARAM, "Cache-Control, Content-Language, Content-Length, Content-Type, Expires, Last-Modified, Pragma",
                    ALLOW_CREDENTIALS_PARAM, "false",
                    CHAIN_PREFLIGHT_PARAM, "false");
        }

        @Override
        public void init(jakarta.servlet.FilterConfig config) throws jakarta.servlet.ServletException {
            super.init(new jakarta.servlet.FilterConfig() {
                @Override public String getFilterName() { return "NewsKG CORS"; }
                @Override public jakarta.servlet.ServletContext getServletContext() { return config.getServletContext(); }
                @Override public String getInitParameter(String n) { return params.get(n); }
                @Override public java.util.Enumeration<String> getInitParameterNames() { return java.util.Collections.enumeration(params.keySet()); }
            });
        }
    }

    /** Stops the server and closes its datasets (which releases the text index). */
    public static void stop(FusekiServer server) {
        server.stop();
    }

    /** How often a running server checks whether the store changed under its search index. */
    static final long SEARCH_RECHECK_SECONDS = 60;

    /** Stops the search index's thread and closes it before the datasets close. */
    static final class StopSearch implements FusekiModule {
        private final AtomicReference<SearchService> search;

        StopSearch(AtomicReference<SearchService> search) { this.search = search; }

        @Override
        public String name() { return "NewsKG search"; }

        @Override
        public void serverStopped(FusekiServer server) {
            SearchService s = search.getAndSet(null);
            if (s != null) s.close();
        }
    }

    /** Brings the index of every text dataset in the configuration up to date with its store. */
    public static List<TextIndexSync.Result> syncTextIndexes(Model cfg) {
        return syncTextIndexes(cfg, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    /**
     * As above, reporting progress on {@code log}. The store's fingerprint comes from its
     * {@link IndexStamp} when that still holds (no reading of every indexed quad), and is
     * recorded there when it had to be computed.
     */
    public static List<TextIndexSync.Result> syncTextIndexes(Model cfg, java.io.PrintStream log) {
        return withTextIndexes(cfg, (text, dir, hash, store) -> {
            String files = store == null ? null : IndexStamp.files(store);
            String known = store == null ? null : stamped(IndexStamp.read(store), hash);
            TextIndexSync.Result r = TextIndexSync.ensure(text, dir, hash, log, known);
            if (store != null) IndexStamp.put(store, IndexStamp.TEXT, r.fingerprint() + " " + hash, files);
            return r;
        });
    }

    /** The text fingerprint a stamp records for an index of this configuration, else null. */
    public static String stamped(Map<String, String> stamp, String configHash) {
        String[] e = stamp.getOrDefault(IndexStamp.TEXT, "").split(" ");
        return e.length == 2 && e[1].equals(configHash) ? e[0] : null;
    }

    /** What to do with one text dataset of the configuration: its index, index folder, configuration digest, store folder (or null). */
    public interface TextIndexAction {
        TextIndexSync.Result apply(DatasetGraphText text, Path dir, String configHash, Path store);
    }

    /** Opens each text dataset of the configuration that has an index folder, lets {@code action} work on it, closes it. */
    public static List<TextIndexSync.Result> withTextIndexes(Model cfg, TextIndexAction action) {
        List<TextIndexSync.Result> out = new ArrayList<>();
        Resource textDataset = cfg.createResource(TEXT + "TextDataset");
        Property indexP = cfg.createProperty(TEXT + "index");
        Property dirP = cfg.createProperty(TEXT + "directory");
        for (Resource ds : cfg.listSubjectsWithProperty(RDF.type, textDataset).toList()) {
            Resource index = ds.getPropertyResourceValue(indexP);
            if (index == null || !index.hasProperty(dirP)) continue;
            RDFNode dirNode = index.getProperty(dirP).getObject();
            if (dirNode.isLiteral() && dirNode.asLiteral().getLexicalForm().equals("mem")) continue;
            Path dir = dirNode.isLiteral() ? Path.of(dirNode.asLiteral().getLexicalForm())
                    : Path.of(org.apache.jena.atlas.lib.IRILib.IRIToFilename(dirNode.asResource().getURI()));
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Resource tdb = ds.getPropertyResourceValue(cfg.createProperty(TEXT + "dataset"));
            Statement location = tdb == null ? null : tdb.getProperty(cfg.createProperty(TDB2 + "location"));
            Path store = location != null && location.getObject().isLiteral() ? Path.of(location.getString()) : null;
            Dataset dataset = (Dataset) Assembler.general().open(ds);
            try {
                if (dataset.asDatasetGraph() instanceof DatasetGraphText text) {
                    out.add(action.apply(text, dir, configHash(index, dirP), store));
                }
            } finally {
                TextIndexSync.close(dataset.asDatasetGraph());
            }
        }
        return out;
    }

    /** Digest of the index description (analyzers, entity map), blank nodes blanked, the directory left out. */
    static String configHash(Resource index, Property ignore) {
        List<String> lines = new ArrayList<>();
        Set<Resource> seen = new HashSet<>();
        collect(index, ignore, lines, seen);
        lines.sort(null);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String l : lines) md.update((l + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Resource r, Property ignore, List<String> lines, Set<Resource> seen) {
        String local = r.isURIResource() && r.getURI().contains("#") ? r.getURI().substring(0, r.getURI().indexOf('#')) : null;
        collect(r, ignore, lines, seen, local);
    }

    private static void collect(Resource r, Property ignore, List<String> lines, Set<Resource> seen, String local) {
        if (!seen.add(r)) return;
        for (Statement s : r.listProperties().toList()) {
            if (s.getPredicate().equals(ignore)) continue;
            lines.add(str(s.getSubject().asNode(), local) + " " + str(s.getPredicate().asNode(), local) + " " + str(s.getObject().asNode(), local));
            // nested descriptions: blank nodes and the file's own resources (<#entities>)
            if (s.getObject().isAnon() || (local != null && s.getObject().isURIResource()
                    && s.getResource().getURI().startsWith(local + "#"))) collect(s.getResource(), ignore, lines, seen, local);
        }
    }

    /**
     * A node of the index description; the configuration's own IRIs ({@code <#index>}) resolve
     * against wherever the file was read from (a path, the jar), so they count by their fragment only.
     */
    private static String str(Node n, String local) {
        if (n.isBlank()) return "_";
        if (local != null && n.isURI() && n.getURI().startsWith(local + "#")) return "<" + n.getURI().substring(local.length()) + ">";
        return NodeFmtLib.strNT(n);
    }

    private static void replaceAll(Model m, Property p, RDFNode value) {
        for (Statement s : m.listStatements(null, p, (RDFNode) null).toList()) {
            m.remove(s);
            m.add(s.getSubject(), p, value);
        }
    }

    /** Removes a blank-node tree (an endpoint description with its nested context). */
    private static void removeTree(Model m, Resource r) {
        if (!r.isAnon()) return;
        for (Statement s : r.listProperties().toList()) {
            m.remove(s);
            if (s.getObject().isAnon()) removeTree(m, s.getResource());
        }
    }

    /** What the servlets need: the dataset, where it is served, and the base IRI of instances. */
    record Site(DatasetGraph dataset, String datasetPath, String base) {
        static Site of(FusekiServer server, String base) {
            DataAccessPointRegistry reg = server.getDataAccessPointRegistry();
            DataAccessPoint dap = reg.get("/newskg");
            if (dap == null) dap = reg.accessPoints().isEmpty() ? null : reg.accessPoints().get(0);
            if (dap == null) throw new IllegalStateException("no dataset configured");
            DatasetGraph dsg = dap.getDataService().getDataset();
            return new Site(dsg, dap.getName(), base != null ? withSlash(base) : detectBase(dsg));
        }

        /** The base of the store's IRIs, from the name of its gazetteer or ontology graph. */
        static String detectBase(DatasetGraph dsg) {
            return Txn.calculateRead(dsg, () -> {
                for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
                    Node g = it.next();
                    if (!g.isURI()) continue;
                    String u = g.getURI();
                    for (String tail : List.of("graph/gazetteer", "graph/ontology")) {
                        if (u.endsWith("/" + tail)) return u.substring(0, u.length() - tail.length());
                    }
                }
                return NKG.DEFAULT_BASE;
            });
        }

        private static String withSlash(String b) { return b.endsWith("/") ? b : b + "/"; }
    }

    /** Closes the datasets when the server stops, so the text index's lock is released. */
    static final class CloseDatasetsOnStop implements FusekiModule {
        private final List<DatasetGraph> datasets = new ArrayList<>();

        @Override
        public String name() { return "NewsKG close datasets"; }

        @Override
        public void configured(FusekiServer.Builder builder, DataAccessPointRegistry reg, Model configModel) {
            reg.forEach((name, dap) -> datasets.add(dap.getDataService().getDataset()));
        }

        @Override
        public void serverStopped(FusekiServer server) {
            for (DatasetGraph dsg : datasets) {
                try {
                    TextIndexSync.close(dsg);
                } catch (RuntimeException e) {
                    Fuseki.serverLog.warn("closing a dataset: " + e.getMessage());
                }
            }
            datasets.clear();
        }
    }
}
