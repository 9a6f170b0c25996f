package io.newskg.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The NewsKG vocabulary (ontology/newskg.ttl), as constants in the way of Jena's own vocabularies. */
public final class NKG {
    private NKG() {}

    public static final String NS = "https://w3id.org/newskg/ns#";
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
    public static final Property sentence = p("sentence");
    public static final Property article = p("article");
    public static final Property extractor = p("extractor");
    public static final Property position = p("position");
    public static final Property region = p("region");
    public static final Property file = p("file");
}
