package io.newskg.spark;

import io.newskg.rdf.Iris;
import io.newskg.store.Builder;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * One task's output: its pages' article graphs as {@code part-NNNNN.nq.gz} (written with RIOT's
 * N-Quads writer), their page IRIs as {@code pages-NNNNN.txt.gz} (what a later load replaces),
 * and, in memory, the gazetteer quads its pages need, deduplicated across tasks afterwards so
 * the gazetteer graph is written once.
 */
record Shard(int index, String quadsFile, String pagesFile, int pages, int articles, int officials, int posts, long quads,
             List<Listing.Skip> skipped, List<String> gazetteer) implements Serializable {

    /** The same without its gazetteer lines, for the driver's totals. */
    Shard counts() {
        return new Shard(index, quadsFile, pagesFile, pages, articles, officials, posts, quads, skipped, List.of());
    }

    /**
     * Extracts and writes one partition. Files are written under {@code _temporary} and renamed
     * into place, so a failed or repeated attempt of the task never leaves a half-written shard.
     */
    static Iterator<Shard> write(int index, Iterator<PageRef> refs, String out, String base, HadoopConf hconf) throws IOException {
        Configuration conf = hconf.get();
        Builder builder = Worker.builder(base);
        Iris iris = new Iris(base);
        String quadsFile = String.format("part-%05d.nq.gz", index);
        String pagesFile = String.format("pages-%05d.txt.gz", index);
        Path outDir = new Path(out);
        FileSystem fs = outDir.getFileSystem(conf);
        String attempt = "-" + java.util.UUID.randomUUID();
        Path tmpQuads = new Path(outDir, "_temporary/" + quadsFile + attempt);
        Path tmpPages = new Path(outDir, "_temporary/" + pagesFile + attempt);
        int pages = 0, articles = 0, officials = 0, posts = 0;
        long quads = 0;
        List<Listing.Skip> skipped = new ArrayList<>();
        Model gazetteer = ModelFactory.createDefaultModel();
        try (OutputStream q = new GZIPOutputStream(fs.create(tmpQuads, true), 1 << 16);
             Writer p = new OutputStreamWriter(new GZIPOutputStream(fs.create(tmpPages, true)), StandardCharsets.UTF_8)) {
            StreamRDF w = StreamRDFWriter.getWriterStream(q, RDFFormat.NQUADS_UTF8);
            w.start();
            while (refs.hasNext()) {
                PageRef ref = refs.next();
                Builder.Prepared page = Worker.prepare(builder, ref, conf);
                if (page.error() != null) {
                    System.err.println(page.error());
                    skipped.add(new Listing.Skip(ref.file(), page.error()));
                    continue;
                }
                for (Map.Entry<String, Model> g : page.graphs().entrySet()) {
                    Node name = NodeFactory.createURI(g.getKey());
                    for (var it = g.getValue().getGraph().find(); it.hasNext(); ) {
                        w.quad(Quad.create(name, it.next()));
                        quads++;
                    }
                }
                gazetteer.add(page.regions());
                p.write(iris.page(page.pageFile()) + "\n");
                pages++;
                articles += page.articles();
                officials += page.officials();
                posts += page.posts();
            }
            w.finish();
        }
        commit(fs, tmpQuads, new Path(outDir, quadsFile));
        commit(fs, tmpPages, new Path(outDir, pagesFile));
        return List.of(new Shard(index, quadsFile, pagesFile, pages, articles, officials, posts, quads, skipped,
                nquads(iris.gazetteerGraph(), gazetteer))).iterator();
    }

    /** The model's triples in graph {@code graph}, one N-Quads line each, as RIOT writes them. */
    static List<String> nquads(String graph, Model m) {
        DatasetGraph dsg = DatasetGraphFactory.create();
        Node g = NodeFactory.createURI(graph);
        m.getGraph().find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RDFDataMgr.write(bytes, dsg, Lang.NQUADS);
        return bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList();
    }

    /** Writes N-Quads lines (RIOT's) as one gzipped shard, through _temporary like the others. */
    static long writeLines(FileSystem fs, Path outDir, String file, Iterator<String> lines) throws IOException {
        long n = 0;
        Path tmp = new Path(outDir, "_temporary/" + file + "-" + java.util.UUID.randomUUID());
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(fs.create(tmp, true), 1 << 16), StandardCharsets.UTF_8)) {
            while (lines.hasNext()) {
                w.write(lines.next() + "\n");
                n++;
            }
        }
        commit(fs, tmp, new Path(outDir, file));
        return n;
    }

    private static void commit(FileSystem fs, Path tmp, Path dst) throws IOException {
        fs.delete(dst, false);
        if (!fs.rename(tmp, dst)) throw new IOException("cannot rename " + tmp + " to " + dst);
    }
}
