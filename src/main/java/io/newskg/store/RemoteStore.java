package io.newskg.store;

import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;

import java.util.ArrayList;
import java.util.List;

/**
 * A store served by a running NewsKG server, changed through its password-protected Graph
 * Store Protocol endpoint ({@code …/newskg/data}); used by add and remove while the server
 * holds the TDB2 store. Each page is replaced in one SPARQL Update, so a reader never sees half a page.
 */
public final class RemoteStore implements GraphSink, AutoCloseable {
    private static final List<String> ENDPOINTS = List.of("sparql", "update", "data");
    private final RDFConnection conn;
    private final String base;

    /**
     * @param dataset  the dataset URL, e.g. http://localhost:3030/newskg
     * @param password the update password (user "admin")
     */
    public RemoteStore(String dataset, String password) {
        this.base = dataset.endsWith("/") ? dataset.substring(0, dataset.length() - 1) : dataset;
        // Credentials go with every request: a challenge first would send each body twice, and a
        // server answering 401 before reading a large body may drop the connection mid-send.
        for (String e : ENDPOINTS) AuthEnv.get().registerBasicAuthModifier(base + "/" + e, "admin", password);
        this.conn = RDFConnectionRemote.service(base).queryEndpoint(ENDPOINTS.get(0)).updateEndpoint(ENDPOINTS.get(1))
                .gspEndpoint(ENDPOINTS.get(2)).build();
    }

    /** Names of the graphs of the page whose article graphs start with {@code pagePrefix}. */
    private List<String> graphsOf(String pagePrefix) {
        ParameterizedSparqlString q = new ParameterizedSparqlString(
                "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?article ?page ?p } }");
        q.setIri("page", NKG.page.getURI());
        q.setIri("p", pagePrefix.substring(0, pagePrefix.length() - 1));
        List<String> out = new ArrayList<>();
        conn.querySelect(q.asQuery(), row -> out.add(row.getResource("g").getURI()));
        return out;
    }

    /**
     * One SPARQL Update per page: dropping its old graphs and inserting all its new ones is one
     * request, so one server transaction; a run killed midway or a reader during an add never
     * sees part of a page. (Graph Store PUTs were one transaction per graph.)
     */
    @Override
    public void replacePages(List<GraphStore.PageGraphs> pages) {
        for (GraphStore.PageGraphs p : pages) {
            UpdateRequest u = pageUpdate(p, graphsOf(p.prefix()));
            try {
                conn.update(u);
            } catch (org.apache.jena.atlas.web.HttpException e) {
                if (e.getStatusCode() != 413) throw e;
                throw new GraphStore.StoreException("page " + p.prefix() + ": its update is "
                        + u.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1024
                        + " KB, over the server's NEWSKG_MAX_UPDATE_BYTES; raise that on the server, or add the page with the server stopped");
            }
        }
    }

    /** The update replacing a page whose graphs now are {@code stored}. */
    static UpdateRequest pageUpdate(GraphStore.PageGraphs p, List<String> stored) {
        UpdateRequest u = new UpdateRequest();
        // prefixed names keep a page's update well under the server's request limit
        u.setPrefixMapping(org.apache.jena.shared.PrefixMapping.Factory.create().setNsPrefixes(NKG.PREFIXES));
        for (String g : stored) if (!p.articleGraphs().containsKey(g)) u.add(new UpdateDrop(NodeFactory.createURI(g), true));
        QuadDataAcc quads = new QuadDataAcc();
        p.articleGraphs().forEach((g, m) -> {
            u.add(new UpdateDrop(NodeFactory.createURI(g), true));
            add(quads, g, m);
        });
        p.shared().forEach((g, m) -> add(quads, g, m));
        u.add(new UpdateDataInsert(quads));
        return u;
    }

    private static void add(QuadDataAcc quads, String graph, Model m) {
        Node g = NodeFactory.createURI(graph);
        m.getGraph().find().forEachRemaining(t -> quads.addQuad(Quad.create(g, t)));
    }

    /** The base IRI the served store was written under (see {@link GraphStore#storedBase}), or null. */
    public String storedBase() {
        List<String> out = new ArrayList<>();
        conn.querySelect("PREFIX owl: <http://www.w3.org/2002/07/owl#> SELECT DISTINCT ?g WHERE { GRAPH ?g { ?o a owl:Ontology } }",
                row -> {
                    if (row.get("g").isURIResource()) out.add(row.getResource("g").getURI());
                });
        for (String g : out) {
            String base = GraphStore.baseOf(g);
            if (base != null) return base;
        }
        return null;
    }

    @Override
    public void replaceGraph(String name, Model contents) {
        conn.put(name, contents);
    }

    @Override
    public void refreshIdentity(RdfMapper mapper) {
        String graph = mapper.iris().identityGraph();
        Model now = mapper.identity(conn::query);
        ParameterizedSparqlString q = new ParameterizedSparqlString("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }");
        q.setIri("g", graph);
        // most pages change no one's identity: then nothing is written
        if (now.isIsomorphicWith(conn.queryConstruct(q.asQuery()))) return;
        // an empty graph is no graph in TDB2, so this also clears it
        conn.put(graph, now);
    }

    /** Removes article graphs (a page prefix ending in '/', or one article IRI) and rebuilds the gazetteer graph. */
    public int remove(List<String> prefixes, RdfMapper mapper) {
        int n = 0;
        for (String prefix : prefixes) {
            List<String> graphs = prefix.endsWith("/") ? graphsOf(prefix) : exists(prefix) ? List.of(prefix) : List.of();
            for (String g : graphs) {
                conn.delete(g);
                n++;
            }
        }
        if (n > 0) {
            conn.put(mapper.iris().gazetteerGraph(), mapper.regionsReferenced(conn::query));
            refreshIdentity(mapper);
        }
        return n;
    }

    private boolean exists(String graph) {
        ParameterizedSparqlString q = new ParameterizedSparqlString("ASK { GRAPH ?g { ?s ?p ?o } }");
        q.setIri("g", graph);
        return conn.queryAsk(q.asQuery());
    }

    @Override
    public void close() {
        conn.close();
        for (String e : ENDPOINTS) AuthEnv.get().unregisterAuthModifier(base + "/" + e);
    }
}
