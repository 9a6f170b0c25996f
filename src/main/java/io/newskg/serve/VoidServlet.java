package io.newskg.serve;

import io.newskg.rdf.NKG;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The VoID description of the dataset at {@code /void}, {@code /.well-known/void} and
 * {@code /id/dataset}: size, SPARQL endpoint, URI space, vocabularies, class and property
 * partitions, example resources. Content-negotiated like the linked-data pages.
 */
final class VoidServlet extends HttpServlet {
    static final String VOID = "http://rdfs.org/ns/void#";

    private final Supplier<Server.Site> site;

    VoidServlet(Supplier<Server.Site> site) {
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        serve(site.get(), req, resp);
    }

    static void serve(Server.Site s, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String type = RdfResponse.choose(req);
        RdfResponse.headers(resp);
        if (type == null) {
            RdfResponse.notAcceptable(resp);
            return;
        }
        String server = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + req.getContextPath();
        Model m = describe(s.dataset(), s.base(), server + s.datasetPath());
        if (type.equals(RdfResponse.HTML)) {
            Describer.Description d = new Describer.Description(datasetIri(s.base()), m, true, java.util.Set.of(), false);
            RdfResponse.writeHtml(resp, new HtmlPage(s.base(), req.getContextPath()).render(d));
        } else {
            RdfResponse.writeRdf(resp, type, m);
        }
    }

    static String datasetIri(String base) { return base + "dataset"; }

    /** Environment variable: IRI of the data's licence (dcterms:license); none is stated without it. */
    static final String ENV_LICENSE = "NEWSKG_LICENSE";

    /** The VoID description, computed from the store. */
    static Model describe(DatasetGraph dsg, String base, String serviceUrl) {
        return Txn.calculateRead(dsg, () -> describe$(dsg, base, serviceUrl));
    }

    private static Model describe$(DatasetGraph dsg, String base, String serviceUrl) {
        Model m = Describer.model();
        Property p = m.createProperty(VOID, "triples");
        Resource ds = m.createResource(datasetIri(base), m.createResource(VOID + "Dataset"))
                .addProperty(DCTerms.title, "NewsKG", "en")
                .addProperty(DCTerms.title, "新闻知识图谱", "zh")
                .addProperty(RDFS.label, "NewsKG", "en")
                .addProperty(DCTerms.description, "Officials, posts, organisations, regions and events extracted from Chinese government and party news, with provenance to article and sentence.", "en")
                .addProperty(m.createProperty(VOID, "sparqlEndpoint"), m.createResource(serviceUrl + "/sparql"))
                .addProperty(m.createProperty(VOID, "uriSpace"), base)
                .addProperty(m.createProperty(VOID, "feature"), m.createResource("http://www.w3.org/ns/formats/Turtle"))
                .addProperty(m.createProperty(VOID, "feature"), m.createResource("http://www.w3.org/ns/formats/JSON-LD"))
                .addProperty(m.createProperty(VOID, "feature"), m.createResource("http://www.w3.org/ns/formats/N-Triples"))
                .addProperty(m.createProperty(VOID, "feature"), m.createResource("http://www.w3.org/ns/formats/RDF_XML"))
                // the whole dataset (every named graph) from the read-only Graph Store endpoint
                .addProperty(m.createProperty(VOID, "dataDump"), m.createResource(serviceUrl + "/get"));
        String licence = System.getenv(ENV_LICENSE);
        if (licence != null && !licence.isBlank()) ds.addProperty(DCTerms.license, m.createResource(licence.strip()));
        for (String v : List.of(NKG.NS, "http://www.w3.org/ns/org#", "http://xmlns.com/foaf/0.1/",
                "http://www.w3.org/2004/02/skos/core#", "http://purl.org/dc/terms/", "http://www.w3.org/ns/prov#",
                "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#", NKG.SEM)) {
            ds.addProperty(m.createProperty(VOID, "vocabulary"), m.createResource(v));
        }
        org.apache.jena.query.Dataset d = DatasetFactory.wrap(dsg);
        QuerySolution totals = one(d, """
                SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects)
                       (COUNT(DISTINCT ?p) AS ?properties)
                WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }""");
        ds.addLiteral(p, m.createTypedLiteral(totals.getLiteral("triples").getLong(), XSDDatatype.XSDinteger));
        ds.addLiteral(m.createProperty(VOID, "distinctSubjects"), m.createTypedLiteral(totals.getLiteral("subjects").getLong(), XSDDatatype.XSDinteger));
        ds.addLiteral(m.createProperty(VOID, "distinctObjects"), m.createTypedLiteral(totals.getLiteral("objects").getLong(), XSDDatatype.XSDinteger));
        ds.addLiteral(m.createProperty(VOID, "properties"), m.createTypedLiteral(totals.getLiteral("properties").getLong(), XSDDatatype.XSDinteger));
        QuerySolution graphs = one(d, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { } }");
        ds.addProperty(RDFS.comment, "Named graphs: " + graphs.getLiteral("n").getLong()
                + " (one per article, plus the gazetteer and vocabulary graphs); the default graph is their union.", "en");
        try (QueryExecution qe = QueryExecution.dataset(d).query("""
                SELECT ?c (COUNT(DISTINCT ?s) AS ?n) (SAMPLE(?s) AS ?example)
                WHERE { GRAPH ?g { ?s a ?c } } GROUP BY ?c ORDER BY ?c""").build()) {
            qe.execSelect().forEachRemaining(row -> {
                Resource c = row.getResource("c");
                ds.addProperty(m.createProperty(VOID, "classPartition"), m.createResource()
                        .addProperty(m.createProperty(VOID, "class"), c)
                        .addLiteral(m.createProperty(VOID, "entities"), m.createTypedLiteral(row.getLiteral("n").getLong(), XSDDatatype.XSDinteger)));
                if (c.getURI().equals(NKG.Official.getURI()) || c.getURI().equals(NKG.Event.getURI())
                        || c.getURI().equals(NKG.Region.getURI()) || c.getURI().equals("http://www.w3.org/ns/org#Organization")) {
                    if (row.get("example").isURIResource()) ds.addProperty(m.createProperty(VOID, "exampleResource"), row.getResource("example"));
                }
            });
        }
        try (QueryExecution qe = QueryExecution.dataset(d).query("""
                SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }
                GROUP BY ?p ORDER BY ?p""").build()) {
            qe.execSelect().forEachRemaining(row -> ds.addProperty(m.createProperty(VOID, "propertyPartition"), m.createResource()
                    .addProperty(m.createProperty(VOID, "property"), row.getResource("p"))
                    .addLiteral(p, m.createTypedLiteral(row.getLiteral("n").getLong(), XSDDatatype.XSDinteger))));
        }
        ds.addProperty(RDF.type, m.createResource("http://www.w3.org/ns/dcat#Dataset"));
        return m;
    }

    private static QuerySolution one(org.apache.jena.query.Dataset d, String q) {
        try (QueryExecution qe = QueryExecution.dataset(d).query(q).build()) {
            return qe.execSelect().next();
        }
    }
}
