package io.newskg.rdf;

import io.newskg.extract.Extractor;
import io.newskg.gazetteer.Gazetteer;
import io.newskg.gazetteer.Region;
import io.newskg.model.Byline;
import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Event;
import io.newskg.model.Results.Official;
import io.newskg.model.Results.Organization;
import io.newskg.model.Results.PageResult;
import io.newskg.model.Results.Person;
import io.newskg.model.Results.Post;
import io.newskg.model.Results.RegionRef;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one page's extraction into RDF: one named graph per article (its IRI is the graph
 * name) holding the article's metadata and every fact it states, each fact pointing at the
 * sentence it came from; regions with their whole chain up to the province go into one
 * shared gazetteer graph.
 */
public final class RdfMapper {
    private final Iris iris;
    private final Gazetteer gazetteer;
    private final io.newskg.extract.Ranks ranks;

    public RdfMapper(Iris iris, Gazetteer gazetteer) {
        this.iris = iris;
        this.gazetteer = gazetteer;
        this.ranks = new io.newskg.extract.Ranks(gazetteer);
    }

    public Gazetteer gazetteer() { return gazetteer; }

    public Iris iris() { return iris; }

    /** Article graphs by graph name, in page order. */
    public Map<String, Model> articleGraphs(PageResult page, String pageText) {
        Map<String, Model> out = new TreeMap<>();
        for (int i = 0; i < page.articles().size(); i++) {
            String iri = iris.article(page.file(), i);
            out.put(iri, article(page, i, pageText));
        }
        return out;
    }

    /** Regions the page mentions, with their chains, for the gazetteer graph. */
    public Model regions(PageResult page) {
        Model m = model();
        for (ArticleResult a : page.articles()) {
            for (RegionRef r : a.regions()) if (r.code() != null) addRegionChain(m, r.code());
            for (Official o : a.officials()) {
                for (Post p : o.posts()) if (p.regionCode() != null) addRegionChain(m, p.regionCode());
            }
            for (Organization o : a.organizations()) if (o.regionCode() != null) addRegionChain(m, o.regionCode());
            for (Event e : a.events()) if (e.regionCode() != null) addRegionChain(m, e.regionCode());
        }
        return m;
    }

    /**
     * The gazetteer graph as it should be for the article graphs in {@code ds}: the chains of
     * every region they refer to. Used after removals, so no region outlives its last mention.
     */
    public Model regionsReferenced(Dataset ds) {
        return regionsReferenced(q -> org.apache.jena.query.QueryExecutionFactory.create(q, ds));
    }

    /** As {@link #regionsReferenced(Dataset)}, asking wherever {@code exec} sends queries (a remote server). */
    public Model regionsReferenced(java.util.function.Function<org.apache.jena.query.Query, org.apache.jena.query.QueryExecution> exec) {
        org.apache.jena.query.ParameterizedSparqlString q = new org.apache.jena.query.ParameterizedSparqlString("""
                SELECT DISTINCT ?r WHERE {
                  GRAPH ?g { ?s ?p ?r }
                  FILTER(isIRI(?r) && STRSTARTS(STR(?r), ?base) && ?g NOT IN (?gazetteer, ?ontology))
                }""");
        q.setLiteral("base", iris.region(""));
        q.setIri("gazetteer", iris.gazetteerGraph());
        q.setIri("ontology", iris.ontologyGraph());
        Model m = model();
        try (org.apache.jena.query.QueryExecution qe = exec.apply(q.asQuery())) {
            qe.execSelect().forEachRemaining(row -> {
                String iri = row.getResource("r").getURI();
                addRegionChain(m, iri.substring(iris.region("").length()));
            });
        }
        return m;
    }

    /** What a mention of an official says for {@link CareerIdentity}: each post, dated as the store dates it. */
    static List<CareerIdentity.Report> identityReports(Official o, String pageDate) {
        List<CareerIdentity.Report> out = new java.util.ArrayList<>();
        for (Post p : o.posts()) {
            String date = p.start() != null && DAY.matcher(p.start()).matches() ? p.start() : pageDate;
            out.add(new CareerIdentity.Report(p.org(), p.regionCode(), date, p.status() == null ? "current" : p.status()));
        }
        return out;
    }

    /**
     * Official nodes as the store makes them (name + {@link #personScope}) from extraction results,
     * with what {@link CareerIdentity} needs of each, for measuring the identity rule without a store.
     */
    public final class OfficialNodes {
        private final Map<String, String> names = new java.util.HashMap<>();
        private final Map<String, List<CareerIdentity.Report>> reports = new java.util.HashMap<>();

        /** Notes one mention; returns its node. */
        public String add(Official o, String pageDate) {
            String node = o.name() + "|" + personScope(o);
            names.put(node, o.name());
            reports.computeIfAbsent(node, k -> new java.util.ArrayList<>()).addAll(identityReports(o, pageDate));
            return node;
        }

        /** Each node the career join gives to another → that node. */
        public Map<String, String> joined() {
            return new CareerIdentity(gazetteer).sameAs(names, reports);
        }
    }

    /**
     * The identity graph for the article graphs wherever {@code exec} sends queries: owl:sameAs from
     * each official node to the node the store's careers show it is (see {@link CareerIdentity}).
     */
    public Model identity(java.util.function.Function<org.apache.jena.query.Query, org.apache.jena.query.QueryExecution> exec) {
        org.apache.jena.query.ParameterizedSparqlString q = new org.apache.jena.query.ParameterizedSparqlString("""
                PREFIX org: <http://www.w3.org/ns/org#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX time: <http://www.w3.org/2006/time#>
                SELECT ?person ?name ?org ?region ?reported ?start ?status WHERE {
                  GRAPH ?g {
                    ?ms a org:Membership ; org:member ?person ; org:organization ?o ; ?statusOf ?status .
                    ?person a ?official ; rdfs:label ?name .
                    ?o rdfs:label ?org .
                    OPTIONAL { ?o org:basedAt ?region }
                    OPTIONAL { ?ms ?reportedOn ?reported }
                    OPTIONAL { ?ms org:memberDuring/time:hasBeginning/time:inXSDDate ?start }
                  }
                }""");
        q.setIri("official", NKG.Official.getURI());
        q.setIri("statusOf", NKG.status.getURI());
        q.setIri("reportedOn", NKG.reportedOn.getURI());
        Map<String, String> names = new java.util.HashMap<>();
        Map<String, java.util.Set<CareerIdentity.Report>> reports = new java.util.HashMap<>();
        String regionBase = iris.region("");
        try (org.apache.jena.query.QueryExecution qe = exec.apply(q.asQuery())) {
            qe.execSelect().forEachRemaining(row -> {
                String person = row.getResource("person").getURI();
                names.put(person, row.getLiteral("name").getLexicalForm());
                String region = row.contains("region") ? row.getResource("region").getURI() : null;
                String code = region != null && region.startsWith(regionBase) ? region.substring(regionBase.length()) : null;
                String date = row.contains("start") ? row.getLiteral("start").getLexicalForm()
                        : row.contains("reported") ? row.getLiteral("reported").getLexicalForm() : null;
                String status = row.getResource("status").getLocalName();
                reports.computeIfAbsent(person, k -> new java.util.HashSet<>()).add(new CareerIdentity.Report(
                        row.getLiteral("org").getLexicalForm(), code, date, status.toLowerCase(java.util.Locale.ROOT)));
            });
        }
        Model m = model();
        new CareerIdentity(gazetteer).sameAs(names, reports).forEach((from, to) ->
                m.createResource(from).addProperty(org.apache.jena.vocabulary.OWL.sameAs, m.createResource(to)));
        return m;
    }

    /** The vocabulary itself (labels of levels and event types), stored so queries can show them. */
    public static Model ontology() {
        Model m = ModelFactory.createDefaultModel();
        try (java.io.InputStream in = RdfMapper.class.getResourceAsStream("/ontology/newskg.ttl")) {
            org.apache.jena.riot.RDFDataMgr.read(m, in, org.apache.jena.riot.Lang.TURTLE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return m;
    }

    /** Whole page as a dataset: article graphs plus the gazetteer graph. */
    public Dataset dataset(PageResult page, String pageText) {
        Dataset ds = DatasetFactory.create();
        articleGraphs(page, pageText).forEach(ds::addNamedModel);
        ds.addNamedModel(iris.gazetteerGraph(), regions(page));
        return ds;
    }

    private Model article(PageResult page, int index, String pageText) {
        ArticleResult a = page.articles().get(index);
        Model m = model();
        String file = page.file();
        Resource pageRes = m.createResource(iris.page(file), NKG.Page)
                .addProperty(NKG.file, file)
                .addProperty(RDF.type, NIF.Context);
        if (page.date() != null) pageRes.addLiteral(DCTerms.date, m.createTypedLiteral(page.date(), XSDDatatype.XSDdate));
        if (page.newspaper() != null) pageRes.addProperty(DCTerms.publisher, page.newspaper(), "zh");
        Resource art = m.createResource(iris.article(file, index), NKG.Article)
                .addProperty(NKG.page, pageRes)
                .addProperty(DCTerms.isPartOf, pageRes)
                .addLiteral(NKG.position, m.createTypedLiteral(index))
                .addProperty(NKG.kind, a.kind())
                .addProperty(NKG.extractor, Extractor.VERSION)
                .addProperty(NIF.referenceContext, pageRes)
                .addLiteral(NIF.beginIndex, m.createTypedLiteral(a.begin()))
                .addLiteral(NIF.endIndex, m.createTypedLiteral(a.end()));
        if (!a.title().isEmpty()) art.addProperty(DCTerms.title, a.title(), "zh").addProperty(RDFS.label, a.title(), "zh");
        if (a.subtitle() != null) art.addProperty(NKG.subtitle, a.subtitle(), "zh");
        for (int i = 0; i < a.bylines().size(); i++) {
            Byline b = a.bylines().get(i);
            art.addProperty(NKG.byline, m.createResource(art.getURI() + "/byline/" + i, NKG.Byline)
                    .addProperty(FOAF.name, b.name(), "zh")
                    .addProperty(NKG.bylineRole, b.role(), "zh"));
        }
        for (RegionRef r : a.regions()) {
            if (r.code() != null) art.addProperty(NKG.mentions, m.createResource(iris.region(r.code())));
        }
        for (Organization o : a.organizations()) {
            Resource org = organization(m, o.name(), o.regionCode());
            if (!o.asWritten().equals(o.name())) org.addProperty(SKOS.altLabel, o.asWritten(), "zh");
            art.addProperty(NKG.mentions, org);
        }
        int memberships = 0;
        // an appointment event starts (or a removal ends) the memberships its sentence reports
        Map<String, List<Reported>> membershipsBySentence = new java.util.HashMap<>();
        for (Official o : a.officials()) {
            String scope = personScope(o);
            Resource person = m.createResource(iris.person(o.name(), scope), NKG.Official)
                    .addProperty(RDF.type, FOAF.Person)
                    .addProperty(RDFS.label, o.name(), "zh")
                    .addProperty(FOAF.name, o.name(), "zh");
            art.addProperty(NKG.mentions, person);
            for (Post p : o.posts()) {
                Resource org = organization(m, p.org(), p.regionCode());
                Resource role = m.createResource(iris.role(p.title()), ORG.Role)
                        .addProperty(SKOS.prefLabel, p.title(), "zh")
                        .addProperty(RDFS.label, p.title(), "zh");
                Resource post = m.createResource(iris.post(person.getURI(), p.title(), p.org()), ORG.Post)
                        .addProperty(RDFS.label, p.org() + p.title(), "zh")
                        .addProperty(ORG.postIn, org)
                        .addProperty(ORG.role, role)
                        .addProperty(ORG.heldBy, person)
                        .addProperty(NKG.asWritten, p.asWritten(), "zh")
                        .addLiteral(NKG.confidence, p.confidence())
                        .addProperty(PROV.wasDerivedFrom, art)
                        .addProperty(NKG.sentence, sentence(m, file, pageText, p.sentenceBegin(), p.sentenceEnd()));
                String rank = ranks.rank(p);
                if (rank != null) post.addProperty(NKG.rank, NKG.rank(rank));
                // the page date says when the post was held, so career timelines can be queried
                if (page.date() != null) post.addLiteral(NKG.reportedOn, m.createTypedLiteral(page.date(), XSDDatatype.XSDdate));
                person.addProperty(ORG.holds, post);
                org.addProperty(ORG.hasPost, post);
                Resource ms = membership(m, art, memberships++, person, org, role, post, p, page.date())
                        .addProperty(NKG.sentence, post.getPropertyResourceValue(NKG.sentence));
                membershipsBySentence.computeIfAbsent(o.name() + "|" + p.sentenceBegin(), k -> new java.util.ArrayList<>())
                        .add(new Reported(ms, p.status()));
            }
        }
        Map<String, Resource> peopleByName = new java.util.HashMap<>();
        for (Person p : a.people()) {
            Resource person = m.createResource(iris.person(p.name(), art.getURI()), FOAF.Person)
                    .addProperty(RDFS.label, p.name(), "zh")
                    .addProperty(FOAF.name, p.name(), "zh")
                    .addProperty(NKG.sentence, sentence(m, file, pageText, p.sentenceBegin(), p.sentenceEnd()));
            if (p.description() != null) person.addProperty(NKG.description, p.description(), "zh");
            art.addProperty(NKG.mentions, person);
            peopleByName.put(p.name(), person);
        }
        for (Official o : a.officials()) peopleByName.put(o.name(), m.createResource(iris.person(o.name(), personScope(o))));
        for (int i = 0; i < a.events().size(); i++) {
            Event e = a.events().get(i);
            Resource ev = m.createResource(iris.event(art.getURI(), i), NKG.Event)
                    .addProperty(RDF.type, m.createResource(NKG.SEM + "Event"))
                    .addProperty(NKG.eventType, NKG.eventType(e.type()))
                    .addProperty(RDFS.label, e.type() + ":" + e.summary(), "zh")
                    .addProperty(NKG.summary, e.summary(), "zh")
                    .addLiteral(NKG.confidence, e.confidence())
                    .addProperty(PROV.wasDerivedFrom, art)
                    .addProperty(NKG.sentence, sentence(m, file, pageText, e.sentenceBegin(), e.sentenceEnd()));
            if (e.date() != null) {
                ev.addProperty(NKG.dateAsWritten, e.date(), "zh");
                org.apache.jena.rdf.model.Literal d = EventDates.literal(m, e.date(), page.date());
                if (d != null) ev.addLiteral(NKG.date, d);
            }
            if (e.location() != null) ev.addProperty(NKG.location, e.location(), "zh");
            if (e.regionCode() != null) ev.addProperty(NKG.hasPlace, m.createResource(iris.region(e.regionCode())));
            for (String n : e.participants()) {
                Resource p = peopleByName.get(n);
                if (p != null) ev.addProperty(NKG.participant, p);
            }
            for (String n : e.organizers()) ev.addProperty(NKG.organizer, organization(m, n, null));
            for (String n : e.participants()) {
                for (Reported x : membershipsBySentence.getOrDefault(n + "|" + e.sentenceBegin(), List.of())) {
                    if ("removed".equals(x.status())) ev.addProperty(NKG.ends, x.membership());
                    else if ("appointed".equals(x.status()) || "elected".equals(x.status())) ev.addProperty(NKG.starts, x.membership());
                }
            }
            art.addProperty(NKG.mentions, ev);
        }
        addPlainNames(m);
        return m;
    }

    /**
     * A plain-string copy (nkg:name) of the @zh labels of people, organisations, roles and
     * regions, so SPARQL can match names written without a language tag.
     */
    private static void addPlainNames(Model m) {
        List<org.apache.jena.rdf.model.Statement> labels = m.listStatements(null, RDFS.label, (org.apache.jena.rdf.model.RDFNode) null).toList();
        for (org.apache.jena.rdf.model.Statement s : labels) {
            Resource r = s.getSubject();
            if (s.getObject().isLiteral() && (r.hasProperty(RDF.type, FOAF.Person) || r.hasProperty(RDF.type, ORG.Organization)
                    || r.hasProperty(RDF.type, ORG.Role) || r.hasProperty(RDF.type, NKG.Region))) {
                r.addProperty(NKG.name, s.getLiteral().getLexicalForm());
            }
        }
    }

    /**
     * Identity of an official besides the name, from the mention's own posts: "senior" for the
     * leaders of a province or of the nation (their posts in its party committee, government,
     * congress or CPPCC, or in central bodies), else the county when all the posts lie in one county
     * (or a township or village of it), else the city the first post lies in (a municipality for its
     * districts), else the organisation. See README "Identity" for what it gets right.
     */
    public String personScope(Official o) {
        Region local = null, county = null;
        boolean senior = false, oneCounty = true;
        for (Post p : o.posts()) {
            Region r = p.regionCode() == null ? null : gazetteer.byCode(p.regionCode());
            if (r == null) {
                senior |= CareerIdentity.national(p.org());
                continue;
            }
            senior |= r.level() == Region.Level.PROVINCE && CareerIdentity.leads(p.org(), r);
            // the city a post lies in (a municipality's districts: the municipality)
            Region city = null;
            for (Region x : gazetteer.chain(r)) {
                if (x.level() == Region.Level.PREFECTURE || x.level() == Region.Level.PROVINCE) {
                    city = x;
                    break;
                }
            }
            if (local == null) local = city;
            // the county a post lies in (a county, a district of a city, or a township or village in one)
            Region in = null;
            for (Region x : gazetteer.chain(r)) {
                if (x.level() == Region.Level.COUNTY) {
                    in = x;
                    break;
                }
            }
            if (in == null || county != null && !county.equals(in)) oneCounty = false;
            if (county == null) county = in;
        }
        if (senior) return "senior";
        // a county's officials are their county's: namesakes in two counties of one city are two nodes,
        // and CareerIdentity joins a county node to its city's when the career leads there
        if (oneCounty && county != null) return county.code();
        if (local != null) return local.code();
        return o.posts().isEmpty() ? "" : o.posts().get(0).org();
    }

    /** A membership and the status its article reports, for the appointment events of its sentence. */
    private record Reported(Resource membership, String status) {}

    /**
     * What one article says of a post: an org:Membership (member, organisation, role) with its status
     * and, where the text dates it, an OWL-Time interval. The org:Post node is shared by every
     * article that names the same person in the same post; the status and dates belong to each
     * report, so they sit on the membership, one per article and post.
     */
    private static Resource membership(Model m, Resource art, int index, Resource person, Resource org, Resource role,
                                       Resource post, Post p, String pageDate) {
        Resource ms = m.createResource(art.getURI() + "/membership/" + index, ORG.Membership)
                .addProperty(RDFS.label, p.org() + p.title(), "zh")
                .addProperty(ORG.member, person)
                .addProperty(ORG.organization, org)
                .addProperty(ORG.role, role)
                .addProperty(NKG.ofPost, post)
                .addProperty(NKG.status, NKG.status(p.status()))
                .addProperty(PROV.wasDerivedFrom, art);
        if (pageDate != null) ms.addLiteral(NKG.reportedOn, m.createTypedLiteral(pageDate, XSDDatatype.XSDdate));
        if (p.start() != null || p.finish() != null) {
            Resource interval = m.createResource(ms.getURI() + "/interval", TIME.Interval);
            ms.addProperty(ORG.memberDuring, interval);
            instant(m, interval, TIME.hasBeginning, NKG.startAsWritten, ms, p.start());
            instant(m, interval, TIME.hasEnd, NKG.endAsWritten, ms, p.finish());
        }
        return ms;
    }

    private static final java.util.regex.Pattern DAY = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}"),
            MONTH = java.util.regex.Pattern.compile("\\d{4}-\\d{2}"), YEAR = java.util.regex.Pattern.compile("\\d{4}");

    /** 2016-05-12 → xsd:date, 2001-08 → xsd:gYearMonth, 2001 → xsd:gYear; a date without its year stays text. */
    private static void instant(Model m, Resource interval, org.apache.jena.rdf.model.Property edge,
                                org.apache.jena.rdf.model.Property asWritten, Resource ms, String date) {
        if (date == null) return;
        org.apache.jena.rdf.model.Property in;
        XSDDatatype type;
        if (DAY.matcher(date).matches()) { in = TIME.inXSDDate; type = XSDDatatype.XSDdate; }
        else if (MONTH.matcher(date).matches()) { in = TIME.inXSDgYearMonth; type = XSDDatatype.XSDgYearMonth; }
        else if (YEAR.matcher(date).matches()) { in = TIME.inXSDgYear; type = XSDDatatype.XSDgYear; }
        else {
            ms.addProperty(asWritten, date);
            return;
        }
        String local = edge.equals(TIME.hasBeginning) ? "/begin" : "/end";
        interval.addProperty(edge, m.createResource(interval.getURI() + local, TIME.Instant)
                .addLiteral(in, m.createTypedLiteral(date, type)));
    }

    private Resource organization(Model m, String name, String regionCode) {
        Resource org = m.createResource(iris.organization(name), ORG.Organization)
                .addProperty(RDFS.label, name, "zh")
                .addProperty(SKOS.prefLabel, name, "zh");
        if (regionCode != null) org.addProperty(ORG.basedAt, m.createResource(iris.region(regionCode)));
        return org;
    }

    private Resource sentence(Model m, String file, String pageText, int begin, int end) {
        return m.createResource(iris.span(file, begin, end), NIF.Sentence)
                .addProperty(RDF.type, NIF.String)
                .addProperty(NIF.referenceContext, m.createResource(iris.page(file)))
                .addLiteral(NIF.beginIndex, m.createTypedLiteral(begin))
                .addLiteral(NIF.endIndex, m.createTypedLiteral(end))
                .addProperty(NIF.anchorOf, pageText.substring(begin, Math.min(end, pageText.length())));
    }

    private void addRegionChain(Model m, String code) {
        Region r = gazetteer.byCode(code);
        for (Region x : r == null ? List.<Region>of() : gazetteer.chain(r)) {
            Resource res = m.createResource(iris.region(x.code()), NKG.Region)
                    .addProperty(RDFS.label, x.name(), "zh")
                    .addProperty(SKOS.prefLabel, x.name(), "zh")
                    .addProperty(NKG.level, levelResource(x.level()));
            // Hong Kong's, Macao's and Taiwan's units have no official code, only NewsKG's own in the IRI
            if (x.official()) res.addProperty(NKG.divisionCode, x.code());
            String shortName = x.commonName();
            // news writes villages without their committee suffix (麻地卜村委会 → 麻地卜村)
            if (!shortName.equals(x.name())) res.addProperty(SKOS.altLabel, shortName, "zh");
            Region parent = gazetteer.parent(x);
            if (parent != null) res.addProperty(NKG.partOf, m.createResource(iris.region(parent.code())));
            res.addProperty(NKG.name, x.name());
        }
    }

    private static Resource levelResource(Region.Level l) {
        return switch (l) {
            case PROVINCE -> NKG.Province;
            case PREFECTURE -> NKG.Prefecture;
            case COUNTY -> NKG.County;
            case TOWNSHIP -> NKG.Township;
            case VILLAGE -> NKG.Village;
        };
    }

    private static Model model() {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(NKG.PREFIXES);
        return m;
    }
}
