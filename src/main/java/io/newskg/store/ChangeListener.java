package io.newskg.store;

import org.apache.jena.sparql.core.Quad;

/**
 * Sees each quad a write of {@link GraphStore} takes out of the store or puts in it (only quads
 * that were there, or were not), inside the write transaction: what indexes kept beside the
 * store need to follow the change without reading the whole store again.
 */
public interface ChangeListener {
    void removed(Quad q);

    void added(Quad q);
}
