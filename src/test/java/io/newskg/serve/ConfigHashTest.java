package io.newskg.serve;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The text index's configuration digest: the same wherever the file is read from, changed by a change of the entity map. */
class ConfigHashTest {
    static String hash(Model cfg) {
        Resource index = cfg.listSubjectsWithProperty(cfg.createProperty("http://jena.apache.org/text#", "directory")).next();
        return Server.configHash(index, cfg.createProperty("http://jena.apache.org/text#", "directory"));
    }

    @Test
    void sameFromTheFileTheJarAndAnotherFolder() throws Exception {
        Path store = Path.of("target", "config-hash-store");
        String file = hash(Server.config(Path.of("fuseki-config/config.ttl"), store));
        String bundled = hash(Server.config(null, store));
        Path copy = Files.createDirectories(Path.of("target", "config-hash")).resolve("config.ttl");
        Files.copy(Path.of("fuseki-config/config.ttl"), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(file, bundled);
        assertEquals(file, hash(Server.config(copy, store)));
        // a change inside the entity map (a named resource of the file) changes it
        Files.writeString(copy, Files.readString(copy).replace("text:field \"text\" ; text:predicate nkg:asWritten", "text:field \"label\" ; text:predicate nkg:asWritten"));
        assertNotEquals(file, hash(Server.config(copy, store)));
    }
}
