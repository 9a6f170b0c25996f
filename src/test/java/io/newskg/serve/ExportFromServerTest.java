package io.newskg.serve;

import io.newskg.cli.Main;
import io.newskg.serve.SeedStore.Running;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** export --server: what a running server serves, while it holds the store. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExportFromServerTest {
    @TempDir
    Path tmp;

    @Test
    void exportsTheServedDataset() throws Exception {
        try (Running r = Running.start(SeedStore.options())) {
            Path trig = tmp.resolve("all.trig"), gml = tmp.resolve("net.graphml");
            assertEquals(0, Main.run("export", "--server", r.url("/newskg"), "--format", "trig", "--out", trig.toString()));
            Dataset ds = DatasetFactory.create();
            RDFDataMgr.read(ds, trig.toString());
            long served = ServerTest.select(r, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").get(0).getLiteral("n").getLong();
            assertEquals(served, ds.asDatasetGraph().stream().count());
            assertEquals(0, Main.run("export", "--server", r.url("/newskg/sparql"), "--format", "graphml", "--out", gml.toString()));
            assertTrue(Files.readString(gml).contains(">谢敬东<"));
            assertEquals(1, Main.run("export", "--server", r.url("/nothing"), "--format", "ttl", "--out", tmp.resolve("x.ttl").toString()));
        }
    }
}
