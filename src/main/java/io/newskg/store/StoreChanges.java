package io.newskg.store;

import io.newskg.rdf.NKG;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one command changed in the store, as the indexes beside it need it: the quads the text
 * index and the fingerprints are made of (a literal object, or {@code nkg:mentions}), net of a
 * quad taken out and put back, and every resource a changed quad is about. Past {@code limit}
 * entries it stops collecting and says so: rebuilding is then the cheaper way.
 */
public final class StoreChanges implements ChangeListener {
    private final int limit;
    private final Map<Quad, Boolean> net = new LinkedHashMap<>();
    private final Set<Node> touched = new LinkedHashSet<>();
    private boolean overflowed;

    public StoreChanges(int limit) { this.limit = limit; }

    @Override
    public void removed(Quad q) { change(q, false); }

    @Override
    public void added(Quad q) { change(q, true); }

    private void change(Quad q, boolean added) {
        if (overflowed) return;
        if (q.getObject().isLiteral() || q.getPredicate().equals(NKG.mentions.asNode())) {
            // a quad put back after it was taken out (a page replaced by the same page) is no change
            Boolean before = net.get(q);
            if (before != null && before != added) net.remove(q);
            else net.put(q, added);
        }
        if (q.getSubject().isURI()) touched.add(q.getSubject());
        if (q.getObject().isURI()) touched.add(q.getObject());
        if (net.size() + touched.size() > limit) {
            overflowed = true;
            net.clear();
            touched.clear();
        }
    }

    public boolean overflowed() { return overflowed; }

    /** Quads that were in the store and are not any more. */
    public List<Quad> removedQuads() { return quads(false); }

    /** Quads that are in the store and were not. */
    public List<Quad> addedQuads() { return quads(true); }

    /** IRIs of the subjects and objects of every quad removed or added. */
    public Set<Node> touched() { return touched; }

    private List<Quad> quads(boolean added) {
        List<Quad> out = new ArrayList<>();
        net.forEach((q, a) -> {
            if (a == added) out.add(q);
        });
        return out;
    }
}
