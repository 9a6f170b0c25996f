package io.newskg.store;

import org.apache.jena.rdf.model.Model;

import java.util.List;

/** Where a build puts its graphs: the local TDB2 store, or a running server. */
public interface GraphSink {
    /** Replaces the graphs of each page (all of a call's pages together where the sink can). */
    void replacePages(List<GraphStore.PageGraphs> pages);

    /** Replaces one graph as a whole. */
    void replaceGraph(String name, Model contents);

    /** Recomputes the store-wide identity graph from what the sink holds now (after pages came or went). */
    void refreshIdentity(io.newskg.rdf.RdfMapper mapper);
}
