package io.newskg.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newskg.serve.SeedStore.Running;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16's smaller items, over HTTP. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SmallThingsTest {
    @Test
    void jsonResultsLinksVoidGraphsAndNumbers() throws Exception {
        try (Running r = Running.start(SeedStore.options())) {
            // Accept: application/json gets SPARQL JSON results
            String q = URLEncoder.encode("SELECT ?s WHERE { ?s a <https://w3id.org/newskg/ns#Region> } LIMIT 2", StandardCharsets.UTF_8);
            HttpResponse<String> json = ServerTest.get(r.url("/newskg/sparql?query=" + q), "Accept", "application/json");
            assertEquals(200, json.statusCode());
            assertEquals(2, new ObjectMapper().readTree(json.body()).get("results").get("bindings").size());

            // RDF/XML among the alternates of a linked-data page, and in VoID's features
            HttpResponse<String> region = ServerTest.get(r.url("/id/region/150900"), "Accept", "text/turtle");
            assertTrue(region.headers().firstValue("Link").orElse("").contains("application/rdf+xml"));
            Model voidModel = ModelFactory.createDefaultModel();
            RDFDataMgr.read(voidModel, new StringReader(ServerTest.get(r.url("/void"), "Accept", "text/turtle").body()), null, Lang.TURTLE);
            String v = VoidServlet.VOID;
            assertTrue(voidModel.contains(null, voidModel.createProperty(v, "feature"), voidModel.createResource("http://www.w3.org/ns/formats/RDF_XML")));
            var dump = voidModel.listObjectsOfProperty(voidModel.createProperty(v, "dataDump")).toList();
            assertEquals(1, dump.size());
            HttpResponse<String> all = ServerTest.get(dump.get(0).asResource().getURI(), "Accept", "application/n-quads");
            assertEquals(200, all.statusCode());
            assertTrue(all.body().lines().count() > 1000, "the dump is the dataset");

            // VoID's class partitions read as such on its HTML page, not as blank-node ids
            String html = ServerTest.get(r.url("/void"), "Accept", "text/html").body();
            assertTrue(html.matches("(?s).*void:classPartition.*\\[ .*void:class.*nkg:Region.*"), "class partitions unreadable");
            assertFalse(html.matches("(?s).*>_:b?[0-9a-f]{6,}.*"), "a blank-node id on the VoID page");

            // graph IRIs dereference
            HttpResponse<String> gaz = ServerTest.get(r.url("/id/graph/gazetteer"), "Accept", "text/turtle");
            assertEquals(200, gaz.statusCode());
            Model g = ModelFactory.createDefaultModel();
            RDFDataMgr.read(g, new StringReader(gaz.body()), null, Lang.TURTLE);
            assertTrue(g.contains(g.createResource("https://w3id.org/newskg/id/region/150900"), null, (org.apache.jena.rdf.model.RDFNode) null));
            HttpResponse<String> gazHtml = ServerTest.get(r.url("/id/graph/ontology"), "Accept", "text/html");
            assertEquals(200, gazHtml.statusCode());
            assertTrue(gazHtml.body().contains("void:triples") || gazHtml.body().contains("triples"));
            assertEquals(404, ServerTest.get(r.url("/id/graph/nothing"), "Accept", "text/turtle").statusCode());

            // a confidence of 0.75e0 reads 0.75 on a page
            String post = ServerTest.select(r, "SELECT ?p WHERE { ?p a org:Post ; nkg:confidence ?c } LIMIT 1").get(0).getResource("p").getURI();
            String page = ServerTest.get(r.url("/id/" + post.substring("https://w3id.org/newskg/id/".length())), "Accept", "text/html").body();
            assertTrue(page.matches("(?s).*<span class=\"lit\">0\\.\\d+</span>.*"), "no plain decimal confidence");
            assertFalse(page.matches("(?s).*<span class=\"lit\">[0-9.]+e0</span>.*"), "a double shown as 0.75e0");
        }
    }
}
