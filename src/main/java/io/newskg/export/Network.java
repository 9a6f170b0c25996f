package io.newskg.export;

import io.newskg.rdf.NIF;
import io.newskg.rdf.NKG;
import io.newskg.rdf.PROV;
import io.newskg.rdf.TIME;
import io.newskg.serve.search.SearchIndex;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A graph for graph tools (Gephi, Cytoscape, networkx): nodes and edges with typed attributes
 * (String, Long, Double, Boolean). {@link #entities} is the network of officials: people,
 * organisations, regions and events as nodes; one edge per relation (a person holds a post in
 * an organisation: one {@code holds} edge carrying title, rank, status, dates and its
 * provenance; an organisation is based in a region; a region is part of another; an event has
 * participants, organisers and a place). Articles, sentences, posts, roles and vocabulary are
 * attributes, not nodes. {@link #rdf} is the RDF-shaped graph: every resource a node, every
 * link between resources an edge, literals as attributes.
 */
final class Network {
    record N(String id, String label, Map<String, Object> attrs) {}

    record E(String source, String target, String label, Map<String, Object> attrs) {}

    final List<N> nodes = new ArrayList<>();
    final List<E> edges = new ArrayList<>();

    /** Longest sentence kept as an attribute. */
    static final int MAX_TEXT = 500;

    static Network entities(Graph g) {
        Network net = new Network();
        Map<Node, String> concepts = new HashMap<>();
        Set<Node> included = new LinkedHashSet<>();
        // people
        for (Node p : subjectsOfType(g, FOAF.Person.asNode())) {
            String label = label(g, p);
            if (label == null) continue;
            Map<String, Object> a = base(p, "person");
            a.put("official", g.contains(p, RDF.type.asNode(), NKG.Official.asNode()));
            a.put("articles", count(g, Node.ANY, NKG.mentions.asNode(), p));
            a.put("posts", count(g, p, ORG.holds.asNode(), Node.ANY));
            net.nodes.add(new N(p.getURI(), label, a));
            included.add(p);
        }
        for (Node o : subjectsOfType(g, ORG.Organization.asNode())) {
            String label = label(g, o);
            if (label == null) continue;
            Map<String, Object> a = base(o, "organization");
            a.put("articles", count(g, Node.ANY, NKG.mentions.asNode(), o));
            a.put("posts", count(g, o, ORG.hasPost.asNode(), Node.ANY));
            net.nodes.add(new N(o.getURI(), label, a));
            included.add(o);
        }
        for (Node r : subjectsOfType(g, NKG.Region.asNode())) {
            String label = label(g, r);
            if (label == null) continue;
            Map<String, Object> a = base(r, "region");
            Node code = first(g, r, NKG.divisionCode.asNode());
            if (code != null) a.put("division_code", code.getLiteralLexicalForm());
            Node level = first(g, r, NKG.level.asNode());
            if (level != null) a.put("level", concept(g, level, concepts));
            a.put("articles", count(g, Node.ANY, NKG.mentions.asNode(), r));
            net.nodes.add(new N(r.getURI(), label, a));
            included.add(r);
        }
        for (Node ev : subjectsOfType(g, NKG.Event.asNode())) {
            Map<String, Object> a = base(ev, "event");
            Node type = first(g, ev, NKG.eventType.asNode());
            if (type != null) a.put("event_type", concept(g, type, concepts));
            Node date = first(g, ev, NKG.date.asNode());
            if (date != null) {
                a.put("date", date.getLiteralLexicalForm());
                Integer y = year(date);
                if (y != null) a.put("year", (long) y);
            }
            putText(a, "location", first(g, ev, NKG.location.asNode()));
            putText(a, "summary", first(g, ev, NKG.summary.asNode()));
            Node conf = first(g, ev, NKG.confidence.asNode());
            if (conf != null) a.put("confidence", number(conf));
            provenance(g, ev, a);
            a.put("participants", count(g, ev, NKG.participant.asNode(), Node.ANY));
            net.nodes.add(new N(ev.getURI(), SearchIndex.eventLabel(g, ev, concepts), a));
            included.add(ev);
        }
        // edges: one per relation
        for (Node p : included) {
            if (!g.contains(p, RDF.type.asNode(), FOAF.Person.asNode())) continue;
            for (Node post : objects(g, p, ORG.holds.asNode())) {
                Node org = first(g, post, ORG.postIn.asNode());
                if (org == null || !included.contains(org)) continue;
                net.edges.add(new E(p.getURI(), org.getURI(), "holds", holding(g, post, concepts)));
            }
        }
        Object[][] links = {
                {ORG.Organization.asNode(), ORG.basedAt.asNode(), "based_at"},
                {NKG.Region.asNode(), NKG.partOf.asNode(), "part_of"},
                {NKG.Event.asNode(), NKG.participant.asNode(), "participant"},
                {NKG.Event.asNode(), NKG.organizer.asNode(), "organizer"},
                {NKG.Event.asNode(), NKG.hasPlace.asNode(), "place"},
        };
        for (Object[] l : links) {
            for (Node s : included) {
                if (!g.contains(s, RDF.type.asNode(), (Node) l[0])) continue;
                for (Node o : objects(g, s, (Node) l[1])) {
                    if (!included.contains(o)) continue;
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("relation", l[2]);
                    a.put("predicate", ((Node) l[1]).getURI());
                    net.edges.add(new E(s.getURI(), o.getURI(), (String) l[2], a));
                }
            }
        }
        return net;
    }

    /** A person–organisation edge for one post: title, rank, what the reports say, where it was read. */
    private static Map<String, Object> holding(Graph g, Node post, Map<Node, String> concepts) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("relation", "holds");
        a.put("predicate", ORG.holds.getURI());
        a.put("post", post.getURI());
        Node role = first(g, post, ORG.role.asNode());
        if (role != null) a.put("title", concept(g, role, concepts));
        Node rank = first(g, post, NKG.rank.asNode());
        if (rank != null) a.put("rank", concept(g, rank, concepts));
        Node conf = first(g, post, NKG.confidence.asNode());
        if (conf != null) a.put("confidence", number(conf));
        TreeSet<String> reported = new TreeSet<>();
        for (Node d : objects(g, post, NKG.reportedOn.asNode())) reported.add(d.getLiteralLexicalForm());
        if (!reported.isEmpty()) {
            a.put("first_reported", reported.first());
            a.put("last_reported", reported.last());
        }
        // statuses and dated spans, from the memberships of each report
        TreeSet<String> starts = new TreeSet<>(), ends = new TreeSet<>();
        String latestStatus = null, latestDate = null;
        Set<String> statuses = new LinkedHashSet<>();
        long reports = 0;
        for (Iterator<Triple> it = g.find(Node.ANY, NKG.ofPost.asNode(), post); it.hasNext(); ) {
            Node ms = it.next().getSubject();
            reports++;
            Node st = first(g, ms, NKG.status.asNode());
            String status = st == null ? null : concept(g, st, concepts);
            if (status != null) statuses.add(status);
            Node rep = first(g, ms, NKG.reportedOn.asNode());
            String repDate = rep == null ? "" : rep.getLiteralLexicalForm();
            if (status != null && (latestDate == null || repDate.compareTo(latestDate) > 0)) {
                latestDate = repDate;
                latestStatus = status;
            }
            Node interval = first(g, ms, ORG.memberDuring.asNode());
            if (interval != null) {
                instant(g, first(g, interval, TIME.hasBeginning.asNode()), starts);
                instant(g, first(g, interval, TIME.hasEnd.asNode()), ends);
            }
        }
        if (latestStatus != null) a.put("status", latestStatus);
        if (!statuses.isEmpty()) a.put("statuses", String.join(" ", statuses));
        if (!starts.isEmpty()) a.put("start", starts.first());
        if (!ends.isEmpty()) a.put("end", ends.last());
        a.put("reports", reports);
        provenance(g, post, a);
        return a;
    }

    /** The article(s) and the sentence a fact was read from. */
    private static void provenance(Graph g, Node fact, Map<String, Object> a) {
        List<Node> arts = objects(g, fact, PROV.wasDerivedFrom.asNode());
        if (!arts.isEmpty()) {
            a.put("article", arts.get(0).getURI());
            a.put("articles", (long) arts.size());
        }
        Node sentence = first(g, fact, NKG.sentence.asNode());
        if (sentence != null) {
            a.put("sentence_iri", sentence.getURI());
            putText(a, "sentence", first(g, sentence, NIF.anchorOf.asNode()));
        }
    }

    private static void instant(Graph g, Node instant, Set<String> out) {
        if (instant == null) return;
        for (Node p : List.of(TIME.inXSDDate.asNode(), TIME.inXSDgYearMonth.asNode(), TIME.inXSDgYear.asNode())) {
            Node v = first(g, instant, p);
            if (v != null) out.add(v.getLiteralLexicalForm());
        }
    }

    /** The RDF-shaped graph: resources as nodes with their literals as attributes, links as edges. */
    static Network rdf(Graph g, PrefixMapping pm) {
        Network net = new Network();
        Map<Node, Map<String, Object>> attrs = new LinkedHashMap<>();
        Map<Node, String> labels = new HashMap<>();
        for (Iterator<Triple> it = g.find(); it.hasNext(); ) {
            Triple t = it.next();
            Node s = t.getSubject(), o = t.getObject();
            Map<String, Object> a = attrs.computeIfAbsent(s, k -> base(k, null));
            if (t.getPredicate().equals(RDF.type.asNode())) {
                if (o.isURI()) append(a, "type", pm.shortForm(o.getURI()));
                continue;
            }
            String key = pm.shortForm(t.getPredicate().getURI());
            if (o.isLiteral()) {
                Object v = o.getLiteralValue() instanceof Number n && !(o.getLiteralValue() instanceof java.math.BigDecimal)
                        ? (n instanceof Double || n instanceof Float ? (Object) n.doubleValue() : (Object) n.longValue())
                        : o.getLiteralLexicalForm();
                if (v instanceof String str) append(a, key, str);
                else a.putIfAbsent(key, v);
                if (t.getPredicate().equals(RDFS.label.asNode()) || t.getPredicate().equals(SKOS.prefLabel.asNode())) labels.putIfAbsent(s, o.getLiteralLexicalForm());
                continue;
            }
            attrs.computeIfAbsent(o, k -> base(k, null));
            Map<String, Object> ea = new LinkedHashMap<>();
            ea.put("predicate", t.getPredicate().getURI());
            net.edges.add(new E(id(s), id(o), key, ea));
        }
        attrs.forEach((n, a) -> {
            a.put("kind", kind(String.valueOf(a.getOrDefault("type", ""))));
            net.nodes.add(new N(id(n), labels.getOrDefault(n, n.isURI() ? pm.shortForm(n.getURI()) : id(n)), a));
        });
        return net;
    }

    static String kind(String types) {
        Set<String> ts = Set.of(types.split(" \\| "));
        if (ts.contains("nkg:Official") || ts.contains("foaf:Person")) return "person";
        if (ts.contains("org:Post")) return "post";
        if (ts.contains("org:Organization")) return "organization";
        if (ts.contains("nkg:Region")) return "region";
        if (ts.contains("nkg:Event")) return "event";
        if (ts.contains("nkg:Article")) return "article";
        if (ts.contains("nkg:Page")) return "page";
        if (ts.contains("org:Role")) return "role";
        if (ts.contains("nif:Sentence")) return "sentence";
        if (ts.contains("org:Membership")) return "membership";
        return "other";
    }

    private static void append(Map<String, Object> a, String key, String v) {
        Object old = a.get(key);
        a.put(key, old == null ? v : old + " | " + v);
    }

    private static String id(Node n) {
        return n.isURI() ? n.getURI() : n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.toString();
    }

    private static Map<String, Object> base(Node n, String kind) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("iri", id(n));
        if (kind != null) a.put("kind", kind);
        return a;
    }

    private static void putText(Map<String, Object> a, String key, Node literal) {
        if (literal == null || !literal.isLiteral()) return;
        String s = literal.getLiteralLexicalForm();
        a.put(key, s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT - 1) + "…" : s);
    }

    private static Object number(Node literal) {
        try {
            return Double.parseDouble(literal.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return literal.getLiteralLexicalForm();
        }
    }

    private static Integer year(Node date) {
        String s = date.getLiteralLexicalForm();
        return s.length() >= 4 && s.substring(0, 4).chars().allMatch(Character::isDigit) ? Integer.parseInt(s.substring(0, 4)) : null;
    }

    private static String label(Graph g, Node n) {
        Node l = first(g, n, RDFS.label.asNode());
        return l != null && l.isLiteral() ? l.getLiteralLexicalForm() : null;
    }

    private static String concept(Graph g, Node c, Map<Node, String> cache) {
        return cache.computeIfAbsent(c, x -> {
            Node l = null;
            for (Iterator<Triple> it = g.find(x, SKOS.prefLabel.asNode(), Node.ANY); it.hasNext(); ) {
                Node o = it.next().getObject();
                if (o.isLiteral() && (l == null || "zh".equals(o.getLiteralLanguage()))) l = o;
            }
            if (l == null) l = first(g, x, RDFS.label.asNode());
            return l != null ? l.getLiteralLexicalForm() : x.isURI() ? x.getLocalName() : x.toString();
        });
    }

    private static List<Node> subjectsOfType(Graph g, Node type) {
        Set<Node> out = new LinkedHashSet<>();
        g.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> {
            if (t.getSubject().isURI()) out.add(t.getSubject());
        });
        return new ArrayList<>(out);
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        Set<Node> out = new LinkedHashSet<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        return new ArrayList<>(out);
    }

    private static Node first(Graph g, Node s, Node p) {
        Iterator<Triple> it = g.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    private static long count(Graph g, Node s, Node p, Node o) {
        long n = 0;
        for (Iterator<Triple> it = g.find(s, p, o); it.hasNext(); it.next()) n++;
        return n;
    }
}
