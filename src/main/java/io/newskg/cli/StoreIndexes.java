package io.newskg.cli;

import io.newskg.serve.Server;
import io.newskg.serve.search.SearchIndex;
import io.newskg.serve.text.TextIndexSync;
import io.newskg.store.GraphStore;
import io.newskg.store.IndexStamp;
import io.newskg.store.Progress;
import io.newskg.store.StoreChanges;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The search and text indexes of a local store after a command wrote it. If they matched the
 * store before (its stamp holds), only what the write changed is redone: the documents of the
 * resources it touched, the text entries of the quads it removed or added. Otherwise they are
 * built from the whole store. Either way the store's stamp then records their fingerprints.
 */
final class StoreIndexes {
    /** Changed quads and resources past which collecting them costs more than a rebuild saves. */
    static final int CHANGE_LIMIT = 1_000_000;

    private final Path store;
    private final Map<String, String> before;
    private final StoreChanges changes;
    private final PrintStream log;
    private String searchFingerprint;

    /** To call before the command writes {@code gs}: reads the stamp, then follows the write. */
    StoreIndexes(GraphStore gs, Path store, PrintStream log) {
        this.store = store;
        this.log = log;
        this.before = IndexStamp.read(gs.location());
        this.changes = before.isEmpty() ? null : new StoreChanges(CHANGE_LIMIT);
        gs.listen(changes);
    }

    /** The search index, from the store still open. */
    void updateSearch(GraphStore gs) {
        gs.listen(null);
        try (Progress p = new Progress(log, "search index", "resources", 0)) {
            var dsg = gs.dataset().asDatasetGraph();
            Path dir = store.resolve(SearchIndex.DIR);
            if (changes == null) {
                SearchIndex.build(dsg, dir, p);
                searchFingerprint = SearchIndex.builtFrom(dir);
            } else {
                searchFingerprint = SearchIndex.update(dsg, dir, before.get(IndexStamp.SEARCH), changes, p);
            }
        }
    }

    /** The text index (opened through the Fuseki configuration, once the store is closed), then the stamp. */
    void updateText() {
        Map<String, String> stamp = new HashMap<>();
        Server.withTextIndexes(Server.config(Path.of("fuseki-config/config.ttl"), store), (text, dir, hash, st) -> {
            TextIndexSync.Result r = changes == null ? TextIndexSync.ensure(text, dir, hash, log)
                    : TextIndexSync.update(text, dir, hash, log, Server.stamped(before, hash), changes);
            if (!r.rebuilt()) log.printf("text index: %d entries updated in %.1f s%n", r.documents(), r.millis() / 1000.0);
            stamp.put(IndexStamp.TEXT, r.fingerprint() + " " + hash);
            return r;
        });
        if (searchFingerprint != null) stamp.put(IndexStamp.SEARCH, searchFingerprint);
        IndexStamp.write(store.toAbsolutePath().normalize(), stamp);
    }
}
