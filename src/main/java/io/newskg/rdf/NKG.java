package io.newskg.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The NewsKG vocabulary (ontology/newskg.ttl), as constants in the way of Jena's own vocabularies. */
public final class NKG {
    private NKG() {}

    public static final String NS = "https://w3id.org/newskg/ns#";

    /** The prefixes NewsKG writes RDF with. */
    public static final org.apache.jena.shared.PrefixMapping PREFIXES = org.apache.jena.shared.PrefixMapping.Factory.create()
            .setNsPrefix("nkg", NS)
            .setNsPrefix("org", org.apache.jena.vocabulary.ORG.NS)
            .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
            .setNsPrefix("skos", org.apache.jena.vocabulary.SKOS.uri)
            .setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/")
            .setNsPrefix("dcterms", org.apache.jena.vocabulary.DCTerms.NS)
            .setNsPrefix("nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
            .setNsPrefix("rdfs", org.apache.jena.vocabulary.RDFS.uri)
            .setNsPrefix("rdf", org.apache.jena.vocabulary.RDF.uri)
            .setNsPrefix("xsd", org.apache.jena.vocabulary.XSD.NS)
            .setNsPrefix("sem", "http://semanticweb.cs.vu.nl/2009/11/sem/")
            .setNsPrefix("time", "http://www.w3.org/2006/time#")
            .lock();
    public static final String DEFAULT_BASE = "https://w3id.org/newskg/id/";

    private static Resource r(String local) { return ResourceFactory.createResource(NS + local); }

    private static Property p(String local) { return ResourceFactory.createProperty(NS + local); }

    public static final Resource Official = r("Official");
    public static final Resource Region = r("Region");
    public static final Resource Article = r("Article");
    public static final Resource Page = r("Page");
    public static final Resource Byline = r("Byline");
    public static final Resource Mention = r("Mention");

    public static final Resource Province = r("Province");
    public static final Resource Prefecture = r("Prefecture");
    public static final Resource County = r("County");
    public static final Resource Township = r("Township");
    public static final Resource Village = r("Village");

    public static final Resource Event = r("Event");
    public static final Property eventType = p("eventType");
    public static final Property participant = p("participant");
    public static final Property organizer = p("organizer");
    public static final Property date = p("date");
    public static final Property dateAsWritten = p("dateAsWritten");
    public static final Property location = p("location");
    public static final Property summary = p("summary");
    public static final Property reportedOn = p("reportedOn");
    /** A membership's post (the stable org:Post it reports on). */
    public static final Property ofPost = p("ofPost");
    public static final Property status = p("status");
    /** A post's rank (级别), a concept of nkg:Ranks. */
    public static final Property rank = p("rank");

    public static Resource rank(String local) { return r(local); }

    /** An appointment event (任职挂职) and the membership it starts, or ends. */
    public static final Property starts = p("starts");
    public static final Property ends = p("ends");
    /** A start or end the text gives without its year (8月): kept as written, never guessed. */
    public static final Property startAsWritten = p("startAsWritten");
    public static final Property endAsWritten = p("endAsWritten");

    /** The SKOS concept of a post status (current, appointed, elected, proposed, removed, former). */
    public static Resource status(String status) {
        return r(switch (status == null ? "current" : status) {
            case "appointed" -> "Appointed";
            case "elected" -> "Elected";
            case "proposed" -> "Proposed";
            case "removed" -> "Removed";
            case "resigned" -> "Resigned";
            case "former" -> "Former";
            default -> "Current";
        });
    }

    /** The SKOS concept of an event type named as in the gold files (宣讲, 会议, …). */
    public static Resource eventType(String type) {
        return r(switch (type) {
            case "宣讲" -> "Lecture";
            case "会议" -> "Meeting";
            case "培训" -> "Training";
            case "考察调研" -> "Inspection";
            case "表彰颁奖" -> "Award";
            case "比赛" -> "Competition";
            case "疫情防控" -> "EpidemicControl";
            case "志愿服务" -> "VolunteerService";
            case "任职挂职" -> "Appointment";
            case "救援" -> "Rescue";
            default -> "OtherEvent";
        });
    }

    public static final String SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/";
    public static final Property hasPlace = ResourceFactory.createProperty(SEM + "hasPlace");

    public static final Property divisionCode = p("divisionCode");
    public static final Property level = p("level");
    public static final Property partOf = p("partOf");
    public static final Property asWritten = p("asWritten");
    public static final Property confidence = p("confidence");
    public static final Property subtitle = p("subtitle");
    public static final Property kind = p("kind");
    public static final Property page = p("page");
    public static final Property byline = p("byline");
    public static final Property bylineRole = p("bylineRole");
    public static final Property mentions = p("mentions");
    public static final Property description = p("description");
    public static final Property name = p("name");
    public static final Property sentence = p("sentence");
    public static final Property article = p("article");
    public static final Property extractor = p("extractor");
    public static final Property position = p("position");
    public static final Property region = p("region");
    public static final Property file = p("file");
}
