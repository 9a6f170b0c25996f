package io.newskg.store;

import io.newskg.extract.Extractor;
import io.newskg.ingest.InputException;
import io.newskg.ingest.PageReader;
import io.newskg.model.Page;
import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.PageResult;
import io.newskg.rdf.RdfMapper;
import org.apache.jena.rdf.model.Model;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Pages → extraction → RDF → store, one page per transaction, with progress on stderr. */
public final class Builder {
    /** What a build did. */
    public record Summary(int pages, int skipped, int articles, int officials, int posts, int regions, long millis) {}

    private final Extractor extractor;
    private final RdfMapper mapper;
    private final PageReader reader = new PageReader();

    public Builder(Extractor extractor, RdfMapper mapper) {
        this.extractor = extractor;
        this.mapper = mapper;
    }

    public Summary build(List<Path> files, GraphStore store, PrintStream progress) {
        long t0 = System.currentTimeMillis();
        int pages = 0, skipped = 0, articles = 0, officials = 0, posts = 0, regions = 0;
        store.replaceGraph(mapper.iris().ontologyGraph(), RdfMapper.ontology());
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            Page page;
            try {
                page = reader.read(f);
            } catch (InputException e) {
                progress.println(e.getMessage());
                skipped++;
                continue;
            }
            PageResult r = extractor.extract(page);
            Map<String, Model> graphs = mapper.articleGraphs(r, page.text());
            String prefix = mapper.iris().page(page.file()) + "/";
            store.replacePage(prefix, graphs, Map.of(mapper.iris().gazetteerGraph(), mapper.regions(r)));
            pages++;
            int o = 0, p = 0, g = 0;
            for (ArticleResult a : r.articles()) {
                o += a.officials().size();
                p += a.officials().stream().mapToInt(x -> x.posts().size()).sum();
                g += (int) a.regions().stream().filter(x -> x.code() != null).count();
            }
            articles += r.articles().size();
            officials += o;
            posts += p;
            regions += g;
            progress.printf("[%d/%d] %s: %d articles, %d officials, %d posts, %d regions%n",
                    i + 1, files.size(), page.file(), r.articles().size(), o, p, g);
        }
        return new Summary(pages, skipped, articles, officials, posts, regions, System.currentTimeMillis() - t0);
    }
}
