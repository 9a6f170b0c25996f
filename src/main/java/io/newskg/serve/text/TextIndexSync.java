package io.newskg.serve.text;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps the Lucene index of a jena-text dataset consistent with its store. Writes through the
 * text dataset (SPARQL Update, Graph Store Protocol) update the index as they go; writes that
 * bypass it ({@code newskg build}, {@code add}, {@code remove} write TDB2 directly) are caught
 * here: before serving, a fingerprint of every indexed quad of the store (plus the index
 * configuration) is compared with the one recorded at the last rebuild, and the index is
 * rebuilt from the store when they differ or when there is no record.
 */
public final class TextIndexSync {
    /** File in the index directory holding the fingerprint of the last rebuild. */
    public static final String STATE_FILE = "newskg-index-state";

    /** What {@link #ensure} did. */
    public record Result(boolean rebuilt, long documents, long millis) {}

    private TextIndexSync() {}

    /**
     * Rebuilds the index of {@code dsg} from its store if it does not match it.
     *
     * @param indexDir   the index directory (where the state file lives)
     * @param configHash a digest of the index configuration; a change forces a rebuild
     */
    public static Result ensure(DatasetGraphText dsg, Path indexDir, String configHash) {
        return ensure(dsg, indexDir, configHash, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    /** As above, saying on {@code log} what it checks and how a rebuild advances. */
    public static Result ensure(DatasetGraphText dsg, Path indexDir, String configHash, java.io.PrintStream log) {
        long t0 = System.currentTimeMillis();
        TextIndex index = dsg.getTextIndex();
        EntityDefinition def = index.getDocDef();
        Set<Node> predicates = indexedPredicates(def);
        DatasetGraph base = dsg.getBase();
        String state = Txn.calculateRead(base, () -> fingerprint(base, predicates)) + " " + configHash;
        Path stateFile = indexDir.resolve(STATE_FILE);
        if (state.equals(read(stateFile))) return new Result(false, 0, System.currentTimeMillis() - t0);
        long total = Long.parseLong(state.substring(0, state.indexOf(':')));
        long docs;
        try (io.newskg.store.Progress p = new io.newskg.store.Progress(log, "text index rebuild", "entries", total)) {
            docs = rebuild(base, index, def, predicates, p);
        }
        write(stateFile, state);
        return new Result(true, docs, System.currentTimeMillis() - t0);
    }

    /**
     * Closes a dataset; for a text dataset over TDB2, first takes its index out of TDB2's
     * transaction coordinator. (jena-text registers the index there and never removes it, so
     * later writes to the same store in this JVM would try to commit a closed index.)
     */
    public static void close(DatasetGraph dsg) {
        if (dsg instanceof DatasetGraphText text && org.apache.jena.tdb2.sys.TDBInternal.isTDB2(text.getWrapped())) {
            var coord = org.apache.jena.tdb2.sys.TDBInternal.getTransactionCoordinator(text.getWrapped());
            coord.modifyConfig(() -> {
                for (var c : coord.listExternals()) {
                    if (c instanceof org.apache.jena.query.text.TextIndexDB) coord.removeExternal(c);
                }
            });
        }
        dsg.close();
    }

    /** Deletes every document and indexes every quad of the store whose predicate is indexed. */
    static long rebuild(DatasetGraph base, TextIndex index, EntityDefinition def, Set<Node> predicates, io.newskg.store.Progress progress) {
        if (!(index instanceof TextIndexLucene lucene)) throw new IllegalStateException("not a Lucene index: " + index);
        try {
            lucene.getIndexWriter().deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long[] n = {0};
        Txn.executeRead(base, () -> {
            for (Node p : predicates) {
                for (Iterator<Quad> it = base.find(Node.ANY, Node.ANY, p, Node.ANY); it.hasNext(); ) {
                    Quad q = it.next();
                    if (q.isDefaultGraph()) q = Quad.create(Quad.defaultGraphNodeGenerated, q.asTriple());
                    Entity e = TextQueryFuncs.entityFromQuad(def, q);
                    if (e != null) {
                        index.addEntity(e);
                        n[0]++;
                        if ((n[0] & 1023) == 0) progress.set(n[0]);
                    }
                }
            }
        });
        index.commit();
        progress.set(n[0]);
        return n[0];
    }

    /** Order-independent digest of the indexed quads: their count and a sum of 64-bit hashes. */
    static String fingerprint(DatasetGraph base, Set<Node> predicates) {
        long count = 0, sum = 0, xor = 0;
        for (Node p : predicates) {
            for (Iterator<Quad> it = base.find(Node.ANY, Node.ANY, p, Node.ANY); it.hasNext(); ) {
                Quad q = it.next();
                long h = hash64(NodeFmtLib.strNQ(q));
                count++;
                sum += h;
                xor ^= Long.rotateLeft(h, 17) * 0x9E3779B97F4A7C15L;
            }
        }
        return count + ":" + Long.toHexString(sum) + ":" + Long.toHexString(xor);
    }

    static Set<Node> indexedPredicates(EntityDefinition def) {
        Set<Node> out = new LinkedHashSet<>();
        for (String f : def.fields()) out.addAll(def.getPredicates(f));
        return out;
    }

    /** FNV-1a over UTF-8, then a murmur-style finaliser. */
    static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void write(Path f, String s) {
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, s + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
