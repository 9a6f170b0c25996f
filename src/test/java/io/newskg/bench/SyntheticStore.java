package io.newskg.bench;

import io.newskg.extract.Extractor;
import io.newskg.ingest.PageReader;
import io.newskg.model.Page;
import io.newskg.model.Results.ArticleResult;
import io.newskg.model.Results.Event;
import io.newskg.model.Results.Official;
import io.newskg.model.Results.PageResult;
import io.newskg.model.Results.Person;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import io.newskg.serve.search.SearchIndex;
import io.newskg.store.GraphStore;
import io.newskg.store.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A large store made quickly: each page of a corpus is extracted once, then stored
 * {@code copies} times, each copy under its own page name and with its people renamed
 * (a copy's 王光磊 is 王光磊 with another given name), so people multiply while
 * organisations and regions stay shared as in real news. Search, graph view and exports
 * can then be measured on 100,000+ articles' worth of entities without hours of extraction.
 *
 * <pre>java -Xmx3g -cp target/test-classes:target/newskg.jar io.newskg.bench.SyntheticStore CORPUS COPIES STORE</pre>
 */
public final class SyntheticStore {
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文辉玲海燕飞鹏";

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SyntheticStore CORPUS_DIR COPIES STORE_DIR");
            System.exit(1);
        }
        Path corpus = Path.of(args[0]);
        int copies = Integer.parseInt(args[1]);
        Path store = Path.of(args[2]);
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        Extractor extractor = new Extractor();
        RdfMapper mapper = new RdfMapper(new Iris(NKG.DEFAULT_BASE), extractor.gazetteer());
        PageReader reader = new PageReader();
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        List<Future<Object[]>> extracted = new ArrayList<>();
        for (Path f : files) {
            extracted.add(pool.submit(() -> {
                Page p = reader.read(f);
                return new Object[]{p, extractor.extract(p)};
            }));
        }
        long articles = 0;
        try (GraphStore gs = new GraphStore(store)) {
            gs.replaceGraph(mapper.iris().ontologyGraph(), RdfMapper.ontology());
            try (Progress progress = new Progress(System.err, "synthetic store", "pages", (long) files.size() * copies)) {
                List<GraphStore.PageGraphs> batch = new ArrayList<>();
                for (Future<Object[]> fu : extracted) {
                    Object[] pr = fu.get();
                    Page page = (Page) pr[0];
                    PageResult r = (PageResult) pr[1];
                    for (int k = 0; k < copies; k++) {
                        PageResult copy = k == 0 ? r : renamed(r, "copy" + k + "/" + r.file(), k);
                        articles += copy.articles().size();
                        batch.add(new GraphStore.PageGraphs(mapper.iris().page(copy.file()) + "/", mapper.articleGraphs(copy, page.text()),
                                Map.of(mapper.iris().gazetteerGraph(), mapper.regions(copy))));
                        if (batch.size() >= 64) {
                            gs.replacePages(batch);
                            batch.clear();
                        }
                        progress.step(1);
                    }
                }
                gs.replacePages(batch);
            }
            pool.shutdown();
            gs.compact();
            System.err.println("synthetic store " + store + ": " + articles + " articles, " + gs.size() + " triples");
            try (Progress p = new Progress(System.err, "search index", "resources", 0)) {
                SearchIndex.build(gs.dataset().asDatasetGraph(), store.resolve(SearchIndex.DIR), p);
            }
        }
        io.newskg.serve.Server.syncTextIndexes(io.newskg.serve.Server.config(Path.of("fuseki-config/config.ttl"), store), System.err);
    }

    /** The page under another name, every person's given name changed the same way throughout it. */
    static PageResult renamed(PageResult r, String file, int copy) {
        Map<String, String> names = new HashMap<>();
        List<ArticleResult> arts = new ArrayList<>();
        for (ArticleResult a : r.articles()) {
            List<Official> os = a.officials().stream()
                    .map(o -> new Official(rename(o.name(), copy, names), o.posts(), o.begin(), o.end(), o.confidence())).toList();
            List<Person> ps = a.people().stream().map(p -> new Person(rename(p.name(), copy, names), p.description(), p.begin(), p.end(),
                    p.sentenceBegin(), p.sentenceEnd(), p.confidence())).toList();
            List<Event> es = a.events().stream().map(e -> new Event(e.type(), e.summary(), e.date(), e.location(), e.region(), e.regionCode(),
                    e.participants().stream().map(n -> rename(n, copy, names)).toList(), e.organizers(),
                    e.begin(), e.end(), e.sentenceBegin(), e.sentenceEnd(), e.confidence())).toList();
            arts.add(new ArticleResult(a.title(), a.subtitle(), a.kind(), a.startsWith(), a.begin(), a.end(), a.bylines(),
                    os, ps, a.organizations(), a.regions(), es));
        }
        return new PageResult(file, r.date(), r.newspaper(), arts);
    }

    private static String rename(String name, int copy, Map<String, String> names) {
        return names.computeIfAbsent(name, n -> {
            if (n.length() < 2) return n;
            int h = Math.floorMod(n.hashCode() * 31 + copy * 7919, GIVEN.length() * GIVEN.length());
            return n.charAt(0) + "" + GIVEN.charAt(h % GIVEN.length()) + (n.length() > 2 ? GIVEN.charAt(h / GIVEN.length()) : "");
        });
    }
}
