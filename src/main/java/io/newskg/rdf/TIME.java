package io.newskg.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The W3C OWL-Time terms we use (Jena ships no OWL-Time vocabulary class). */
public final class TIME {
    private TIME() {}

    public static final String NS = "http://www.w3.org/2006/time#";
    public static final Resource Interval = ResourceFactory.createResource(NS + "Interval");
    public static final Resource Instant = ResourceFactory.createResource(NS + "Instant");
    public static final Property hasBeginning = ResourceFactory.createProperty(NS + "hasBeginning");
    public static final Property hasEnd = ResourceFactory.createProperty(NS + "hasEnd");
    public static final Property inXSDDate = ResourceFactory.createProperty(NS + "inXSDDate");
    public static final Property inXSDgYearMonth = ResourceFactory.createProperty(NS + "inXSDgYearMonth");
    public static final Property inXSDgYear = ResourceFactory.createProperty(NS + "inXSDgYear");
}
