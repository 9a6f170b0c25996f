package io.newskg.cli;

import static io.newskg.cli.Run.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code load --bulk} refuses, in one line and before touching the store, what is not a finished job's output. */
class LoadCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderWithoutManifestIsNotLoaded() throws Exception {
        Path bulk = Files.createDirectories(tmp.resolve("out"));
        Files.write(bulk.resolve("part-00000.nq.gz"), new byte[0]);
        Run r = run("load", "--bulk", bulk.toString(), "--store", tmp.resolve("s").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("has no manifest.json") && r.err().strip().lines().count() == 1, r.err());
        assertFalse(Files.exists(tmp.resolve("s")), "no store created");
    }

    @Test
    void aManifestOfAnotherFormatOrListingAMissingShardIsRefused() throws Exception {
        Path bulk = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(bulk.resolve("manifest.json"), "{\"format\": \"newskg-nquads/9\", \"shards\": []}");
        Run r = run("load", "--bulk", bulk.toString(), "--store", tmp.resolve("s").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("format \"newskg-nquads/9\""), r.err());

        Files.writeString(bulk.resolve("manifest.json"), "{\"format\": \"newskg-nquads/1\", \"shards\": [\"part-00000.nq.gz\"]}");
        r = run("load", "--bulk", bulk.toString(), "--store", tmp.resolve("s").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("lists part-00000.nq.gz, which is not a file of that folder"), r.err());

        Files.writeString(bulk.resolve("manifest.json"), "{\"format\": \"newskg-nquads/1\", \"shards\": [\"../../etc/passwd\"]}");
        r = run("load", "--bulk", bulk.toString(), "--store", tmp.resolve("s").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("not a file of that folder"), r.err());
        assertFalse(Files.exists(tmp.resolve("s")), "no store created");
    }

    @Test
    void aStoreWithAnotherBaseIsRefused() throws Exception {
        Path store = tmp.resolve("s");
        assertEquals(0, run("build", "seeds/000_824024f6a8c13c1c.txt", "--store", store.toString(), "--base", "https://example.org/kg/").status());
        Path bulk = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(bulk.resolve("manifest.json"), "{\"format\": \"newskg-nquads/1\", \"base\": \"https://w3id.org/newskg/id/\", \"shards\": []}");
        Run r = run("load", "--bulk", bulk.toString(), "--store", store.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("holds IRIs under https://example.org/kg/"), r.err());
    }
}
