package io.newskg.cli;

import static io.newskg.cli.Run.run;

import io.newskg.serve.Server;
import io.newskg.serve.search.SearchIndex;
import io.newskg.serve.text.TextIndexSync;
import io.newskg.store.GraphStore;
import io.newskg.store.IndexStamp;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** add and remove change the search and text indexes where the store changed, and end where a fresh build ends. */
class IncrementalIndexTest {
    @TempDir
    Path tmp;

    @Test
    void indexesAfterAddReplaceAndRemoveAreThoseOfAFreshBuild() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String[] seeds = {"000_824024f6a8c13c1c", "001_dd91f51848675444", "004_7953bd51db5ca819"};
        for (String s : seeds) Files.copy(Path.of("seeds", s + ".txt"), in.resolve(s + ".txt"));
        Path a = tmp.resolve("a");
        Run build = run("build", file(in, seeds[0]), file(in, seeds[1]), "--store", a.toString());
        assertEquals(0, build.status(), build.err());
        assertFalse(IndexStamp.read(a).isEmpty(), "build leaves no stamp");

        // a new page, then a page replaced by a shorter version, then a page removed
        Run add = run("add", file(in, seeds[2]), "--store", a.toString());
        assertEquals(0, add.status(), add.err());
        assertTrue(add.err().contains("text index: ") && add.err().contains("entries updated"), add.err());
        assertFalse(add.err().contains("text index rebuild"), add.err());
        String text = Files.readString(in.resolve(seeds[1] + ".txt"), StandardCharsets.UTF_8);
        Files.writeString(in.resolve(seeds[1] + ".txt"), text.substring(0, text.length() / 2), StandardCharsets.UTF_8);
        Run replace = run("add", file(in, seeds[1]), "--store", a.toString());
        assertEquals(0, replace.status(), replace.err());
        Run remove = run("remove", seeds[0] + ".txt", "--store", a.toString());
        assertEquals(0, remove.status(), remove.err());
        assertFalse(remove.err().contains("text index rebuild"), remove.err());

        Path b = tmp.resolve("b");
        Run fresh = run("build", file(in, seeds[1]), file(in, seeds[2]), "--store", b.toString());
        assertEquals(0, fresh.status(), fresh.err());

        assertEquals(documents(b.resolve(SearchIndex.DIR)), documents(a.resolve(SearchIndex.DIR)), "search documents differ");
        assertEquals(documents(b.resolve("text-index")), documents(a.resolve("text-index")), "text index entries differ");
        // and so the answers: every name of the fresh index finds the same resources in the same order
        try (SearchIndex sa = SearchIndex.open(a.resolve(SearchIndex.DIR)); SearchIndex sb = SearchIndex.open(b.resolve(SearchIndex.DIR))) {
            assertTrue(sb.size() > 50, "too few resources to tell: " + sb.size());
            for (String label : labels(b.resolve(SearchIndex.DIR))) {
                assertEquals(sb.search(label, null, 20), sa.search(label, null, 20), label);
            }
        }
        // the stamps record what the stores hold
        Map<String, String> stamp = IndexStamp.read(a);
        assertEquals(IndexStamp.read(b), stamp);
        try (GraphStore gs = GraphStore.existing(a)) {
            assertEquals(SearchIndex.fingerprint(gs.dataset().asDatasetGraph()), stamp.get(IndexStamp.SEARCH));
        }
        List<String> scanned = new ArrayList<>();
        Server.withTextIndexes(Server.config(Path.of("fuseki-config/config.ttl"), a), (t, dir, hash, store) -> {
            scanned.add(TextIndexSync.fingerprint(t) + " " + hash);
            return null;
        });
        assertEquals(List.of(stamp.get(IndexStamp.TEXT)), scanned);
    }

    @Test
    void serveTrustsAStampOnlyWhileTheStoreIsUnchanged() throws Exception {
        Path a = tmp.resolve("a");
        assertEquals(0, run("build", "seeds/000_824024f6a8c13c1c.txt", "--store", a.toString()).status());
        var cfg = Server.config(Path.of("fuseki-config/config.ttl"), a);
        TextIndexSync.Result r = Server.syncTextIndexes(cfg).get(0);
        assertFalse(r.rebuilt());
        assertFalse(r.scanned(), "the store was read though its stamp holds");
        // a write behind this program's back (as another tool or a server's update would make)
        try (GraphStore gs = GraphStore.existing(a)) {
            gs.dataset().executeWrite(() -> gs.dataset().getNamedModel("urn:x-test:g").createResource("urn:x-test:s")
                    .addProperty(org.apache.jena.vocabulary.RDFS.label, "戳记测试单位", "zh"));
        }
        assertTrue(IndexStamp.read(a).isEmpty(), "a stamp survives a change of the store");
        r = Server.syncTextIndexes(cfg).get(0);
        assertTrue(r.scanned());
        assertTrue(r.rebuilt(), "the index was not made again for the changed store");
        // checked once by reading the store, the next check is by the stamp again
        assertNotNull(IndexStamp.read(a).get(IndexStamp.TEXT));
        assertFalse(Server.syncTextIndexes(cfg).get(0).scanned());
    }

    private static String file(Path in, String name) {
        return in.resolve(name + ".txt").toString();
    }

    /** Every live document of an index as its sorted stored fields, sorted. */
    static List<String> documents(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        try (FSDirectory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
            Bits live = MultiBits.getLiveDocs(r);
            for (int i = 0; i < r.maxDoc(); i++) {
                if (live != null && !live.get(i)) continue;
                Document doc = r.storedFields().document(i);
                List<String> fields = new ArrayList<>();
                for (IndexableField f : doc.getFields()) {
                    fields.add(f.name() + "=" + (f.numericValue() != null ? f.numericValue() : f.stringValue()));
                }
                fields.sort(null);
                out.add(String.join(" | ", fields));
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> labels(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        for (String doc : documents(dir)) {
            for (String f : doc.split(" \\| ")) if (f.startsWith("label=")) out.add(f.substring(6));
        }
        return out;
    }
}
