package io.newskg.serve;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ResourceFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** REGEX and REPLACE keep their meaning and stop at the query's timeout. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GuardedRegexTest {
    static final String SLOW = "a".repeat(36) + "!";
    static final String RE = "^(a+)+(\\\\1)$";

    @BeforeAll
    static void install() {
        QueryGuards.install();
    }

    static Dataset data() {
        Dataset ds = DatasetFactory.create();
        Model m = ds.getDefaultModel();
        for (String s : List.of("北京市", "Beijing", "beijing city", SLOW)) {
            m.add(ResourceFactory.createResource("urn:x:" + m.size()), ResourceFactory.createProperty("urn:x:p"), s);
        }
        m.add(ResourceFactory.createResource("urn:x:l"), ResourceFactory.createProperty("urn:x:p"), m.createLiteral("北京", "zh"));
        return ds;
    }

    static List<String> select(Dataset ds, String q) {
        List<String> out = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
            qe.execSelect().forEachRemaining((QuerySolution r) -> out.add(r.get("r").toString()));
        }
        out.sort(null);
        return out;
    }

    @Test
    void regexAndReplaceMeanWhatTheyMeant() {
        Dataset ds = data();
        assertEquals(List.of("Beijing", "beijing city"), select(ds, "SELECT ?r { ?s ?p ?r FILTER(REGEX(?r, \"^bei\", \"i\")) }"));
        assertEquals(List.of("beijing city"), select(ds, "SELECT ?r { ?s ?p ?r FILTER(REGEX(?r, \"^bei\")) }"));
        assertEquals(List.of("\"北京\"@zh", "北京市"), select(ds, "SELECT ?r { ?s ?p ?r FILTER(REGEX(?r, \"北京\")) }"));
        assertEquals(List.of("a.b"), select(ds, "SELECT ?r { BIND(\"a.b\" AS ?r) FILTER(REGEX(?r, \".\", \"q\")) }"));
        assertEquals(List.of("南京市"), select(ds, "SELECT ?r { ?s ?p ?x FILTER(?x = \"北京市\") BIND(REPLACE(?x, \"北\", \"南\") AS ?r) }"));
        assertEquals(List.of("\"南京\"@zh"), select(ds, "SELECT ?r { ?s ?p ?x FILTER(?x = \"北京\"@zh) BIND(REPLACE(?x, \"北\", \"南\") AS ?r) }"));
        assertEquals(List.of("X-ijing city"), select(ds, "SELECT ?r { ?s ?p ?x FILTER(?x = \"beijing city\") BIND(REPLACE(?x, \"^(b)e\", \"X-\") AS ?r) }"));
        String fn = "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> ";
        assertEquals(List.of("Beijing", "beijing city"), select(ds, fn + "SELECT ?r { ?s ?p ?r FILTER(fn:matches(?r, \"^bei\", \"i\")) }"));
        assertEquals(List.of("南京市"), select(ds, fn + "SELECT ?r { ?s ?p ?x FILTER(?x = \"北京市\") BIND(fn:replace(?x, \"北\", \"南\") AS ?r) }"));
        // A regex on a non-string is an error (the row drops), as before.
        assertEquals(List.of(), select(ds, "SELECT ?r { BIND(1 AS ?r) FILTER(REGEX(?r, \"1\")) }"));
    }

    @Test
    void aCatastrophicRegexEndsWithItsQuery() {
        Dataset ds = data();
        String fn = "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> ";
        for (String q : List.of("SELECT ?r { ?s ?p ?r FILTER(REGEX(?r, \"" + RE + "\")) }",
                "SELECT ?r { ?s ?p ?x BIND(REPLACE(?x, \"" + RE + "\", \"x\") AS ?r) }",
                fn + "SELECT ?r { ?s ?p ?r FILTER(fn:matches(?r, \"" + RE + "\")) }",
                fn + "SELECT ?r { ?s ?p ?x BIND(fn:replace(?x, \"" + RE + "\", \"x\") AS ?r) }")) {
            long t0 = System.nanoTime();
            try (QueryExecution qe = QueryExecution.dataset(ds).query(q).timeout(300, TimeUnit.MILLISECONDS).build()) {
                assertThrows(QueryCancelledException.class, () -> qe.execSelect().forEachRemaining(r -> {}));
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 3000, q + " took " + ms + " ms");
        }
    }

    @Test
    void theXPathNamesOfRegexAndReplaceAreGuardedToo() {
        org.apache.jena.query.Query q = org.apache.jena.query.QueryFactory.create("PREFIX fn: <http://www.w3.org/2005/xpath-functions#> "
                + "SELECT ?z { ?s ?p ?r FILTER(fn:matches(?r, \"x\") || REGEX(?r, \"y\")) BIND(fn:replace(?r, \"a\", \"b\") AS ?z) }");
        org.apache.jena.sparql.algebra.Op op = org.apache.jena.sparql.algebra.Algebra.compile(q);
        assertTrue(anyUnguarded(op), "the plain algebra holds the engine's own functions");
        assertTrue(!anyUnguarded(GuardedRegex.guard(op)), GuardedRegex.guard(op).toString());
    }

    private static boolean anyUnguarded(org.apache.jena.sparql.algebra.Op op) {
        boolean[] found = {false};
        org.apache.jena.sparql.algebra.OpWalker.walk(op, new org.apache.jena.sparql.algebra.OpVisitorBase() {
            @Override
            public void visit(org.apache.jena.sparql.algebra.op.OpFilter f) {
                f.getExprs().forEach(e -> found[0] |= GuardedRegex.unguarded(e));
            }

            @Override
            public void visit(org.apache.jena.sparql.algebra.op.OpExtend e) {
                e.getVarExprList().getExprs().values().forEach(x -> found[0] |= GuardedRegex.unguarded(x));
            }
        });
        return found[0];
    }
}
