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
 * configuration) is compared with the one recorded at the last rebuild or update, and the
 * index is rebuilt from the store when they differ or when there is no record. The store's
 * fingerprint is read from its {@link io.newskg.store.IndexStamp} while that holds, and
 * {@link #update} follows a change of which every quad is known without reading the store.
 */
public final class TextIndexSync {
    /** File in the index directory holding the fingerprint of the last rebuild. */
    public static final String STATE_FILE = "newskg-index-state";

    /**
     * What {@link #ensure} or {@link #update} did: rebuilt the index, or changed {@code documents}
     * entries of it, or nothing; {@code fingerprint} is the store's, {@code scanned} whether it
     * was computed by reading the store (rather than known from the store's stamp).
     */
    public record Result(boolean rebuilt, long documents, long millis, String fingerprint, boolean scanned) {}

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
        return ensure(dsg, indexDir, configHash, log, null);
    }

    /**
     * As above; {@code known}, if not null, is the store's fingerprint as its stamp records it,
     * which spares reading every indexed quad of the store.
     */
    public static Result ensure(DatasetGraphText dsg, Path indexDir, String configHash, java.io.PrintStream log, String known) {
        long t0 = System.currentTimeMillis();
        TextIndex index = dsg.getTextIndex();
        EntityDefinition def = index.getDocDef();
        Set<Node> predicates = indexedPredicates(def);
        DatasetGraph base = dsg.getBase();
        String fp = known != null ? known : Txn.calculateRead(base, () -> fingerprint(base, predicates));
        String state = fp + " " + configHash;
        Path stateFile = indexDir.resolve(STATE_FILE);
        if (state.equals(read(stateFile))) return new Result(false, 0, System.currentTimeMillis() - t0, fp, known == null);
        long total = Digest.parse(fp).count;
        long docs;
        try (io.newskg.store.Progress p = new io.newskg.store.Progress(log, "text index rebuild", "entries", total)) {
            docs = rebuild(base, index, def, predicates, p);
        }
        write(stateFile, state);
        return new Result(true, docs, System.currentTimeMillis() - t0, fp, known == null);
    }

    /**
     * Brings the index up to date with a change of the store: the entries of the quads removed
     * go, those of the quads added come, and the fingerprint follows by arithmetic. That needs
     * the index to have matched the store before the change ({@code before}, its fingerprint
     * then); otherwise, or if the change was too big to collect, the index is made as
     * {@link #ensure} makes it.
     */
    public static Result update(DatasetGraphText dsg, Path indexDir, String configHash, java.io.PrintStream log,
                                String before, io.newskg.store.StoreChanges changes) {
        Path stateFile = indexDir.resolve(STATE_FILE);
        if (before == null || changes.overflowed() || !(before + " " + configHash).equals(read(stateFile))) {
            return ensure(dsg, indexDir, configHash, log, null);
        }
        long t0 = System.currentTimeMillis();
        TextIndex index = dsg.getTextIndex();
        EntityDefinition def = index.getDocDef();
        Set<Node> predicates = indexedPredicates(def);
        Digest d = Digest.parse(before);
        long n = 0;
        // every removal first: a quad's entry is named by its contents, so an entry removed and
        // one added for the same quad are one entry
        for (Quad q : changes.removedQuads()) {
            if (!predicates.contains(q.getPredicate())) continue;
            d.remove(q);
            Entity e = TextQueryFuncs.entityFromQuad(def, q);
            if (e != null) {
                index.deleteEntity(e);
                n++;
            }
        }
        for (Quad q : changes.addedQuads()) {
            if (!predicates.contains(q.getPredicate())) continue;
            d.add(q);
            Entity e = TextQueryFuncs.entityFromQuad(def, q);
            if (e != null) {
                index.addEntity(e);
                n++;
            }
        }
        index.commit();
        String fp = d.toString();
        write(stateFile, fp + " " + configHash);
        return new Result(false, n, System.currentTimeMillis() - t0, fp, false);
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
        Digest d = new Digest();
        for (Node p : predicates) base.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(d::add);
        return d.toString();
    }

    /** The store's fingerprint as {@link #ensure} reads it (in a read transaction of its own). */
    public static String fingerprint(DatasetGraphText dsg) {
        DatasetGraph base = dsg.getBase();
        Set<Node> predicates = indexedPredicates(dsg.getTextIndex().getDocDef());
        return Txn.calculateRead(base, () -> fingerprint(base, predicates));
    }

    /** Count, sum and xor of quad hashes: a quad added or removed changes it without reading the others. */
    static final class Digest {
        long count, sum, xor;

        void add(Quad q) {
            long h = hash64(NodeFmtLib.strNQ(q));
            count++;
            sum += h;
            xor ^= mix(h);
        }

        void remove(Quad q) {
            long h = hash64(NodeFmtLib.strNQ(q));
            count--;
            sum -= h;
            xor ^= mix(h);
        }

        private static long mix(long h) { return Long.rotateLeft(h, 17) * 0x9E3779B97F4A7C15L; }

        static Digest parse(String s) {
            String[] f = s.split(":");
            Digest d = new Digest();
            d.count = Long.parseLong(f[0]);
            d.sum = Long.parseUnsignedLong(f[1], 16);
            d.xor = Long.parseUnsignedLong(f[2], 16);
            return d;
        }

        @Override
        public String toString() { return count + ":" + Long.toHexString(sum) + ":" + Long.toHexString(xor); }
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
