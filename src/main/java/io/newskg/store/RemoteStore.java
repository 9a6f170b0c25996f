package io.newskg.store;

import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

/**
 * A store served by a running NewsKG server, changed through its password-protected Graph
 * Store Protocol endpoint ({@code …/newskg/data}); used by add and remove while the server
 * holds the TDB2 store. Each graph is replaced whole, so a reader never sees half a graph.
 */
public final class RemoteStore implements GraphSink, AutoCloseable {
    private final RDFConnection conn;

    /**
     * @param dataset  the dataset URL, e.g. http://localhost:3030/newskg
     * @param password the update password (user "admin")
     */
    public RemoteStore(String dataset, String password) {
        String base = dataset.endsWith("/") ? dataset.substring(0, dataset.length() - 1) : dataset;
        HttpClient http = HttpClient.newBuilder().authenticator(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication("admin", password.toCharArray());
            }
        }).build();
        this.conn = RDFConnectionRemote.service(base).queryEndpoint("sparql").updateEndpoint("update")
                .gspEndpoint("data").httpClient(http).build();
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

    @Override
    public void replacePages(List<GraphStore.PageGraphs> pages) {
        for (GraphStore.PageGraphs p : pages) {
            for (String g : graphsOf(p.prefix())) {
                if (!p.articleGraphs().containsKey(g)) conn.delete(g);
            }
            p.articleGraphs().forEach(conn::put);
            p.shared().forEach(conn::load);
        }
    }

    @Override
    public void replaceGraph(String name, Model contents) {
        conn.put(name, contents);
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
        if (n > 0) conn.put(mapper.iris().gazetteerGraph(), mapper.regionsReferenced(conn::query));
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
    }
}
