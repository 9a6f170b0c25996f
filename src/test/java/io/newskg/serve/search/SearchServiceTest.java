package io.newskg.serve.search;

import io.newskg.store.Progress;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping a server while its search index is being built in the background. */
class SearchServiceTest {

    @Test
    void closeWaitsForTheBuildAndLeavesNoLock(@TempDir Path store) throws Exception {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Node g = NodeFactory.createURI("http://example.org/g");
        // enough people that the build is still running when the service is closed
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < 50_000; i++) {
                Node p = NodeFactory.createURI("http://example.org/person/" + i);
                dsg.add(g, p, RDF.type.asNode(), FOAF.Person.asNode());
                dsg.add(g, p, RDFS.label.asNode(), NodeFactory.createLiteralLang("王" + i, "zh"));
            }
        });
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path dir = store.resolve(SearchIndex.DIR);
        SearchService service = new SearchService(dsg, dir, new PrintStream(out, true, StandardCharsets.UTF_8), 0);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (service.building() == null && System.nanoTime() < deadline) Thread.sleep(5);
        assertTrue(service.building() != null, "the build never started: " + out.toString(StandardCharsets.UTF_8));
        service.close();

        assertFalse(Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> !before.contains(t) && t.getName().equals("newskg-search-index") && t.isAlive()),
                "the build thread outlived close()");
        String log = out.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("build stopped"), log);
        assertFalse(log.contains("Exception"), log);
        // the stopped build released Lucene's write lock: a new build of the same folder goes through
        assertEquals(50_000, SearchIndex.build(dsg, dir, Progress.quiet()));
    }
}
