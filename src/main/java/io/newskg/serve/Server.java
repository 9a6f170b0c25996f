package io.newskg.serve;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Fuseki on the TDB2 store, configured by fuseki-config/config.ttl with the store's location filled in. */
public final class Server {
    private static final String TDB2 = "http://jena.apache.org/2016/tdb#";

    private Server() {}

    /** Reads the configuration from {@code configFile} if it exists, else the copy bundled in the jar. */
    public static Model config(Path configFile, Path store) {
        Model m = ModelFactory.createDefaultModel();
        if (configFile != null && Files.exists(configFile)) {
            RDFDataMgr.read(m, configFile.toString());
        } else {
            try (InputStream in = Server.class.getResourceAsStream("/fuseki-config/config.ttl")) {
                if (in == null) throw new IllegalStateException("no fuseki-config/config.ttl found");
                RDFDataMgr.read(m, in, org.apache.jena.riot.Lang.TURTLE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Property location = m.createProperty(TDB2 + "location");
        List<Statement> old = m.listStatements(null, location, (String) null).toList();
        for (Statement s : old) {
            Resource ds = s.getSubject();
            m.remove(s);
            m.add(ds, location, store.toAbsolutePath().normalize().toString());
        }
        return m;
    }

    public static FusekiServer start(Path configFile, Path store, int port) {
        FusekiServer server = FusekiServer.create()
                .parseConfig(config(configFile, store))
                .port(port)
                .loopback(true)
                .build();
        server.start();
        return server;
    }
}
