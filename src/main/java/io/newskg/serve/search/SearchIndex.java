package io.newskg.serve.search;

import com.hankcs.hanlp.HanLP;
import io.newskg.rdf.NKG;
import io.newskg.serve.text.SubstringIndexAnalyzer;
import io.newskg.store.Progress;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The search behind the graph view and {@code /search}: one Lucene document per resource
 * (person, organisation, region, event), so hits are distinct resources and a limit counts
 * resources. Each document holds the resource's names (exact, every substring, pinyin and
 * pinyin initials) and what tells namesakes apart: the main post and its organisation, the
 * region, the years reported, how many articles name it. Hits rank exact name first, then
 * name prefix, then substring, then pinyin; ties by degree (how many statements point at or
 * leave the resource). Queries in Traditional characters are converted to Simplified first.
 */
public final class SearchIndex implements AutoCloseable {
    /** Folder of the index inside the store. */
    public static final String DIR = "search-index";
    /** File beside the index holding the store fingerprint it was built from. */
    static final String STATE_FILE = "newskg-search-state";
    /** Bump when the documents change shape, so old indexes are rebuilt. */
    static final String VERSION = "search-2";

    static final String IRI = "iri", KIND = "kind", NAME = "name", GRAM = "gram", PINYIN = "pinyin",
            LABEL = "label", DETAIL = "detail", POST = "post", ORG_F = "organization", REGION = "region",
            YEARS = "years", ARTICLES = "articles", DEGREE = "degree", DEGREE_DV = "degree_dv", IRI_DV = "iri_dv";

    /** Score of each kind of match; an exact match also matches as prefix and substring. */
    static final float EXACT = 100, PREFIX = 40, SUBSTRING = 16, PINYIN_EXACT = 8, PINYIN_PREFIX = 4, SOUNDS = 2;

    /** One hit: the resource and what tells it apart from its namesakes. */
    public record Hit(String iri, String kind, String label, String detail, String post, String organization,
                      String region, String years, long articles, long degree, String match) {}

    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private SearchIndex(Path dir) throws IOException {
        directory = FSDirectory.open(dir);
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    /** Opens the index in {@code dir}, or null if there is none. */
    public static SearchIndex open(Path dir) {
        if (!Files.isDirectory(dir)) return null;
        try {
            if (!DirectoryReader.indexExists(FSDirectory.open(dir))) return null;
            return new SearchIndex(dir);
        } catch (IOException e) {
            return null;
        }
    }

    public int size() { return reader.numDocs(); }

    // ---------------------------------------------------------------- normalising

    /** Full-width folded, lower case, Traditional → Simplified (both the index and the query go through this). */
    static String norm(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return hasHan(n) ? HanLP.convertToSimplifiedChinese(n) : n;
    }

    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Pinyin without tones or spaces ("wulanchabushi"); letters and digits kept. */
    static String pinyin(String s) {
        return HanLP.convertToPinyinString(s, "", false).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static String initials(String s) {
        return HanLP.convertToPinyinFirstCharString(s, "", false).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    // ---------------------------------------------------------------- searching

    /**
     * The best {@code limit} resources for {@code query}, of one kind (person, org, region,
     * event) or all ({@code kind} null). A query that matches nothing is tried again allowing
     * two typing errors.
     */
    public List<Hit> search(String query, String kind, int limit) {
        String q = norm(query);
        if (q.isEmpty() || limit <= 0) return List.of();
        try {
            List<Hit> hits = run(query(q, false), kind, limit, false);
            if (hits.isEmpty()) hits = run(query(q, true), kind, limit, true);
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of these IRIs (labels and details for drawing), in no particular order. */
    public Map<String, Hit> lookup(List<String> iris) {
        Map<String, Hit> out = new HashMap<>();
        try {
            for (String iri : iris) {
                TopFieldDocs td = searcher.search(new TermQuery(new Term(IRI, iri)), 1, Sort.INDEXORDER);
                if (td.scoreDocs.length > 0) out.put(iri, hit(searcher.storedFields().document(td.scoreDocs[0].doc), null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private List<Hit> run(Query q, String kind, int limit, boolean fuzzy) throws IOException {
        if (kind != null && !kind.isEmpty()) {
            q = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(KIND, kind)), BooleanClause.Occur.FILTER).build();
        }
        // last by IRI: the same answers whatever order the documents were written in (built or updated)
        Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(DEGREE_DV, SortField.Type.LONG, true), new SortField(IRI_DV, SortField.Type.STRING));
        TopFieldDocs td = searcher.search(q, limit, sort, true);
        List<Hit> out = new ArrayList<>();
        for (ScoreDoc sd : td.scoreDocs) out.add(hit(searcher.storedFields().document(sd.doc), fuzzy ? "similar" : match(sd.score)));
        return out;
    }

    /** Each whitespace-separated word must match; the whole query scores exact and prefix matches. */
    static Query query(String q, boolean fuzzy) {
        String[] words = q.split("\\s+");
        if (fuzzy) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(new FuzzyQuery(new Term(NAME, q), Math.min(2, Math.max(1, q.length() / 3))), BooleanClause.Occur.SHOULD);
            String py = hasHan(q) ? pinyin(q) : q.replaceAll("[^a-z0-9]", "");
            if (py.length() >= 4) b.add(new FuzzyQuery(new Term(PINYIN, py), 2), BooleanClause.Occur.SHOULD);
            return b.build();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String w : words) all.add(word(w), BooleanClause.Occur.MUST);
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(all.build(), BooleanClause.Occur.MUST);
        b.add(constant(new TermQuery(new Term(NAME, q)), EXACT), BooleanClause.Occur.SHOULD);
        b.add(constant(new PrefixQuery(new Term(NAME, q)), PREFIX), BooleanClause.Occur.SHOULD);
        return b.build();
    }

    /** One word: a substring of a name, a name's pinyin (or its initials), or a name that sounds the same. */
    private static Query word(String w) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (w.length() <= SubstringIndexAnalyzer.MAX_GRAM) b.add(constant(new TermQuery(new Term(GRAM, w)), SUBSTRING), BooleanClause.Occur.SHOULD);
        else b.add(constant(new TermQuery(new Term(NAME, w)), SUBSTRING), BooleanClause.Occur.SHOULD);
        if (hasHan(w)) {
            String py = pinyin(w);
            // homophones: a name typed with a wrong character of the same sound (乌兰茶布)
            if (w.length() >= 3 && !py.isEmpty()) b.add(constant(new PrefixQuery(new Term(PINYIN, py)), SOUNDS), BooleanClause.Occur.SHOULD);
        } else {
            String py = w.replaceAll("[^a-z0-9]", "");
            if (!py.isEmpty()) {
                b.add(constant(new TermQuery(new Term(PINYIN, py)), PINYIN_EXACT), BooleanClause.Occur.SHOULD);
                if (py.length() >= 2) b.add(constant(new PrefixQuery(new Term(PINYIN, py)), PINYIN_PREFIX), BooleanClause.Occur.SHOULD);
            }
        }
        return b.build();
    }

    private static Query constant(Query q, float boost) {
        return new BoostQuery(new ConstantScoreQuery(q), boost);
    }

    /** What matched, from the score: each kind scores more than all those below it together. */
    static String match(float score) {
        return score >= EXACT ? "exact" : score >= PREFIX ? "prefix" : score >= SUBSTRING ? "substring"
                : score >= PINYIN_PREFIX ? "pinyin" : "sound";
    }

    private static Hit hit(Document d, String match) {
        return new Hit(d.get(IRI), d.get(KIND), d.get(LABEL), d.get(DETAIL), d.get(POST), d.get(ORG_F), d.get(REGION),
                d.get(YEARS), d.getField(ARTICLES).numericValue().longValue(), d.getField(DEGREE).numericValue().longValue(), match);
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- building

    /** Is the index in {@code dir} built from the store as it is now? */
    public static boolean upToDate(Path dir, String fingerprint) {
        return fingerprint.equals(builtFrom(dir));
    }

    /** The predicates whose quads the fingerprint is made of. */
    private static final List<Node> FINGERPRINTED = List.of(RDFS.label.asNode(), NKG.mentions.asNode());

    /** A digest of the store's labels and links: changes whenever build, add or remove change the store. */
    public static String fingerprint(DatasetGraph dsg) {
        return fingerprint(dsg, () -> false);
    }

    /** As above; gives up with {@link java.util.concurrent.CancellationException} once {@code stop} says so. */
    static String fingerprint(DatasetGraph dsg, java.util.function.BooleanSupplier stop) {
        return Txn.calculateRead(dsg, () -> {
            long count = 0, sum = 0;
            for (Node p : FINGERPRINTED) {
                for (Iterator<org.apache.jena.sparql.core.Quad> it = dsg.find(Node.ANY, Node.ANY, p, Node.ANY); it.hasNext(); ) {
                    if ((++count & 0xFFF) == 0) stopIf(stop);
                    sum += hash(it.next());
                }
            }
            return count + ":" + Long.toHexString(sum);
        });
    }

    private static long hash(org.apache.jena.sparql.core.Quad q) {
        return (long) q.getGraph().hashCode() * 31 + q.getSubject().hashCode() * 17L + q.getObject().hashCode();
    }

    /** The store fingerprint the index in {@code dir} was last made from, or null (none, or of another version). */
    public static String builtFrom(Path dir) {
        Path state = dir.resolveSibling(dir.getFileName() + "." + STATE_FILE);
        String s;
        try {
            s = Files.exists(state) ? Files.readString(state, StandardCharsets.UTF_8).strip() : "";
            if (!s.startsWith(VERSION + " ")) return null;
        } catch (IOException e) {
            return null;
        }
        SearchIndex si = open(dir);
        if (si == null) return null;
        si.close();
        return s.substring(VERSION.length() + 1);
    }

    /**
     * Brings the index in {@code dir} up to date with a change of the store: the documents of
     * the resources the change touched are replaced by what the store now says of them (or
     * deleted), as are those of the people holding posts in a touched organisation (their
     * detail names it). That needs the index to have matched the store before ({@code before},
     * the store's fingerprint then); otherwise, or if the change was too big to collect, the
     * index is built again.
     *
     * @return the store's fingerprint now
     */
    public static String update(DatasetGraph dsg, Path dir, String before, io.newskg.store.StoreChanges changes, Progress progress) {
        if (before == null || changes.overflowed() || !before.equals(builtFrom(dir))) {
            build(dsg, dir, progress);
            return builtFrom(dir);
        }
        String[] f = before.split(":");
        long count = Long.parseLong(f[0]), sum = Long.parseUnsignedLong(f[1], 16);
        for (org.apache.jena.sparql.core.Quad q : changes.removedQuads()) {
            if (FINGERPRINTED.contains(q.getPredicate())) {
                count--;
                sum -= hash(q);
            }
        }
        for (org.apache.jena.sparql.core.Quad q : changes.addedQuads()) {
            if (FINGERPRINTED.contains(q.getPredicate())) {
                count++;
                sum += hash(q);
            }
        }
        String fp = count + ":" + Long.toHexString(sum);
        Map<String, Analyzer> perField = Map.of(GRAM, new SubstringIndexAnalyzer());
        Analyzer analyzer = new PerFieldAnalyzerWrapper(new org.apache.lucene.analysis.core.KeywordAnalyzer(), perField);
        try (FSDirectory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            Txn.executeRead(dsg, () -> refresh(dsg.getUnionGraph(), changes.touched(), w, progress));
            w.commit();
            Files.writeString(dir.resolveSibling(dir.getFileName() + "." + STATE_FILE), VERSION + " " + fp + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the search index in " + dir + " (" + e.getMessage() + ")", e);
        }
        return fp;
    }

    private static void refresh(Graph g, Set<Node> touched, IndexWriter w, Progress progress) {
        Set<Node> todo = new LinkedHashSet<>(touched);
        for (Node n : touched) {
            if (!g.contains(n, RDF.type.asNode(), ORG.Organization.asNode())) continue;
            g.find(n, ORG.hasPost.asNode(), Node.ANY).forEachRemaining(post ->
                    g.find(post.getObject(), ORG.heldBy.asNode(), Node.ANY).forEachRemaining(t -> todo.add(t.getObject())));
        }
        Describer d = new Describer(g);
        progress.total(todo.size());
        try {
            for (Node n : todo) {
                if (!n.isURI()) continue;
                w.deleteDocuments(new Term(IRI, n.getURI()));
                String kind = kindOf(g, n);
                Describer.Entry e = kind == null ? null : d.describe(n, kind);
                if (e != null) w.addDocument(document(e));
                progress.step(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kinds of resources the index holds, in the order a resource of several kinds is taken as. */
    private static final Object[][] KINDS = {{FOAF.Person.asNode(), "person"}, {ORG.Organization.asNode(), "org"},
            {NKG.Region.asNode(), "region"}, {NKG.Event.asNode(), "event"}};

    private static String kindOf(Graph g, Node n) {
        for (Object[] k : KINDS) if (g.contains(n, RDF.type.asNode(), (Node) k[0])) return (String) k[1];
        return null;
    }

    /**
     * Builds the index of {@code dsg} into {@code dir} (a new index beside it, renamed into
     * place, so a reader never sees half of one).
     *
     * @return how many resources it holds
     */
    public static long build(DatasetGraph dsg, Path dir, Progress progress) {
        return build(dsg, dir, progress, () -> false);
    }

    /**
     * As above, giving up (index in {@code dir} untouched, writer closed so its lock is
     * released) with {@link java.util.concurrent.CancellationException} once {@code stop} says
     * so. A flag, not thread interruption: an interrupt closes Lucene's file channels under it.
     */
    static long build(DatasetGraph dsg, Path dir, Progress progress, java.util.function.BooleanSupplier stop) {
        String fp = fingerprint(dsg, stop);
        Path tmp = dir.resolveSibling(dir.getFileName() + ".building");
        long n;
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            Map<String, Analyzer> perField = Map.of(GRAM, new SubstringIndexAnalyzer());
            Analyzer analyzer = new PerFieldAnalyzerWrapper(new org.apache.lucene.analysis.core.KeywordAnalyzer(), perField);
            try (FSDirectory d = FSDirectory.open(tmp);
                 IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
                n = Txn.calculateRead(dsg, () -> write(dsg.getUnionGraph(), w, progress, stop));
                w.commit();
            }
            Path old = dir.resolveSibling(dir.getFileName() + ".old");
            deleteTree(old);
            if (Files.exists(dir)) Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
            Files.writeString(dir.resolveSibling(dir.getFileName() + "." + STATE_FILE), VERSION + " " + fp + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index in " + dir + " (" + e.getMessage() + ")", e);
        }
        return n;
    }

    private static void stopIf(java.util.function.BooleanSupplier stop) {
        if (stop.getAsBoolean()) throw new java.util.concurrent.CancellationException("stopped");
    }

    private static long write(Graph g, IndexWriter w, Progress progress, java.util.function.BooleanSupplier stop) {
        Describer d = new Describer(g);
        List<Node> subjects = new ArrayList<>();
        Map<Node, String> kinds = new HashMap<>();
        // officials are foaf:Person too; events, organisations and regions each have their own class
        for (Object[] k : KINDS) {
            for (Iterator<Triple> it = g.find(Node.ANY, RDF.type.asNode(), (Node) k[0]); it.hasNext(); ) {
                Node s = it.next().getSubject();
                if (s.isURI() && kinds.putIfAbsent(s, (String) k[1]) == null) subjects.add(s);
            }
        }
        progress.total(subjects.size());
        long n = 0;
        try {
            for (Node s : subjects) {
                stopIf(stop);
                Describer.Entry e = d.describe(s, kinds.get(s));
                if (e != null) {
                    w.addDocument(document(e));
                    n++;
                }
                progress.step(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    private static Document document(Describer.Entry e) {
        Document doc = new Document();
        doc.add(new StringField(IRI, e.iri(), Field.Store.YES));
        doc.add(new StringField(KIND, e.kind(), Field.Store.YES));
        doc.add(new StoredField(LABEL, e.label()));
        Set<String> pinyins = new TreeSet<>();
        for (String name : e.names()) {
            String n = norm(name);
            if (n.isEmpty()) continue;
            doc.add(new StringField(NAME, n, Field.Store.NO));
            doc.add(new TextField(GRAM, n, Field.Store.NO));
            if (hasHan(name)) {
                pinyins.add(pinyin(name));
                pinyins.add(initials(name));
            }
        }
        for (String p : pinyins) if (!p.isEmpty()) doc.add(new StringField(PINYIN, p, Field.Store.NO));
        stored(doc, DETAIL, e.detail());
        stored(doc, POST, e.post());
        stored(doc, ORG_F, e.organization());
        stored(doc, REGION, e.region());
        stored(doc, YEARS, e.years());
        doc.add(new StoredField(ARTICLES, e.articles()));
        doc.add(new StoredField(DEGREE, e.degree()));
        doc.add(new NumericDocValuesField(DEGREE_DV, e.degree()));
        doc.add(new org.apache.lucene.document.SortedDocValuesField(IRI_DV, new org.apache.lucene.util.BytesRef(e.iri())));
        return doc;
    }

    private static void stored(Document doc, String field, String value) {
        if (value != null && !value.isEmpty()) doc.add(new StoredField(field, value));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Reads what the index says of each resource from the union graph. */
    static final class Describer {
        record Entry(String iri, String kind, String label, Set<String> names, String detail, String post,
                     String organization, String region, String years, long articles, long degree) {}

        private final Graph g;
        private final Map<Node, String> conceptLabels = new HashMap<>();

        Describer(Graph g) { this.g = g; }

        Entry describe(Node s, String kind) {
            Set<String> names = new LinkedHashSet<>();
            for (Node p : List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(), SKOS.altLabel.asNode(), FOAF.name.asNode())) {
                for (Node o : objects(s, p)) if (o.isLiteral()) names.add(o.getLiteralLexicalForm());
            }
            long articles = count(Node.ANY, NKG.mentions.asNode(), s);
            long degree = count(Node.ANY, Node.ANY, s) + count(s, Node.ANY, Node.ANY);
            return switch (kind) {
                case "person" -> person(s, names, articles, degree);
                case "org" -> org(s, names, articles, degree);
                case "region" -> region(s, names, articles, degree);
                default -> event(s, articles, degree);
            };
        }

        private Entry person(Node s, Set<String> names, long articles, long degree) {
            if (names.isEmpty()) return null;
            String label = names.iterator().next();
            Node best = null;
            long bestReports = -1, bestOrder = Long.MAX_VALUE;
            TreeSet<Integer> years = new TreeSet<>();
            int posts = 0;
            for (Node post : objects(s, ORG.holds.asNode())) {
                posts++;
                List<Node> reportsOf = subjects(NKG.ofPost.asNode(), post);
                long reports = reportsOf.size();
                for (Node d : objects(post, NKG.reportedOn.asNode())) year(d, years);
                // ties: the post an article names first (副部长、主任: the first is the main one);
                // memberships are numbered in the order written
                long order = reportsOf.stream().mapToLong(Describer::ordinal).min().orElse(Long.MAX_VALUE);
                if (reports > bestReports || (reports == bestReports && order < bestOrder)) {
                    bestReports = reports;
                    bestOrder = order;
                    best = post;
                }
            }
            String postLabel = null, orgLabel = null, region = null;
            if (best != null) {
                postLabel = label(best);
                Node org = first(best, ORG.postIn.asNode());
                if (org != null) {
                    orgLabel = label(org);
                    Node r = first(org, ORG.basedAt.asNode());
                    if (r != null) region = label(r);
                }
            } else {
                // a person without a post: what the article says of them, and when
                Node desc = first(s, NKG.description.asNode());
                if (desc != null) postLabel = desc.getLiteralLexicalForm();
                for (Node art : subjects(NKG.mentions.asNode(), s)) {
                    Node page = first(art, NKG.page.asNode());
                    if (page != null) for (Node d : objects(page, DCTerms.date.asNode())) year(d, years);
                }
            }
            String y = years(years);
            List<String> parts = new ArrayList<>();
            if (postLabel != null) parts.add(postLabel + (posts > 1 ? " 等" + posts + "个职务" : ""));
            if (region != null && (postLabel == null || !postLabel.startsWith(region))) parts.add(region);
            if (y != null) parts.add(y);
            parts.add(articles + "篇文章");
            return new Entry(s.getURI(), "person", label, names, String.join(" · ", parts), postLabel, orgLabel, region, y, articles, degree);
        }

        private Entry org(Node s, Set<String> names, long articles, long degree) {
            if (names.isEmpty()) return null;
            Node r = first(s, ORG.basedAt.asNode());
            String region = r == null ? null : chain(r);
            long posts = count(s, ORG.hasPost.asNode(), Node.ANY);
            List<String> parts = new ArrayList<>();
            if (region != null) parts.add(region);
            if (posts > 0) parts.add(posts + "个职务");
            parts.add(articles + "篇文章");
            return new Entry(s.getURI(), "org", names.iterator().next(), names, String.join(" · ", parts), null, null, region, null, articles, degree);
        }

        private Entry region(Node s, Set<String> names, long articles, long degree) {
            if (names.isEmpty()) return null;
            Node level = first(s, NKG.level.asNode());
            Node code = first(s, NKG.divisionCode.asNode());
            Node parent = first(s, NKG.partOf.asNode());
            List<String> parts = new ArrayList<>();
            if (level != null) parts.add(concept(level));
            if (parent != null) parts.add(chain(parent));
            if (code != null) parts.add(code.getLiteralLexicalForm());
            parts.add(articles + "篇文章");
            return new Entry(s.getURI(), "region", names.iterator().next(), names, String.join(" · ", parts), null, null,
                    parent == null ? null : chain(parent), null, articles, degree);
        }

        /** An event by what happened: type, date, place, main participants. */
        private Entry event(Node s, long articles, long degree) {
            String label = eventLabel(g, s, conceptLabels);
            Set<String> names = new LinkedHashSet<>();
            names.add(label);
            Node summary = first(s, NKG.summary.asNode());
            Node place = first(s, NKG.hasPlace.asNode());
            Node date = first(s, NKG.date.asNode());
            return new Entry(s.getURI(), "event", label, names, summary == null ? null : shorten(summary.getLiteralLexicalForm(), 60),
                    null, null, place == null ? null : label(place), date == null ? null : date.getLiteralLexicalForm(), articles, degree);
        }

        private String chain(Node region) {
            List<String> out = new ArrayList<>();
            Set<Node> seen = new HashSet<>();
            for (Node r = region; r != null && seen.add(r); r = first(r, NKG.partOf.asNode())) out.add(0, label(r));
            return String.join(" › ", out);
        }

        private String concept(Node c) {
            return conceptLabels.computeIfAbsent(c, x -> zhLabel(g, x));
        }

        private String label(Node n) {
            String l = zhLabel(g, n);
            return l == null ? n.toString() : l;
        }

        private List<Node> objects(Node s, Node p) {
            List<Node> out = new ArrayList<>();
            g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
            return out;
        }

        private List<Node> subjects(Node p, Node o) {
            List<Node> out = new ArrayList<>();
            g.find(Node.ANY, p, o).forEachRemaining(t -> out.add(t.getSubject()));
            return out;
        }

        private Node first(Node s, Node p) {
            Iterator<Triple> it = g.find(s, p, Node.ANY);
            try {
                return it.hasNext() ? it.next().getObject() : null;
            } finally {
                org.apache.jena.atlas.iterator.Iter.close(it);
            }
        }

        private long count(Node s, Node p, Node o) {
            long n = 0;
            for (Iterator<Triple> it = g.find(s, p, o); it.hasNext(); it.next()) n++;
            return n;
        }

        /** The number ending a membership's IRI (…/membership/3 → 3), else the largest value. */
        private static long ordinal(Node membership) {
            String iri = membership.isURI() ? membership.getURI() : "";
            String tail = iri.substring(iri.lastIndexOf('/') + 1);
            return !tail.isEmpty() && tail.length() < 10 && tail.chars().allMatch(Character::isDigit) ? Long.parseLong(tail) : Long.MAX_VALUE;
        }

        private static void year(Node d, Set<Integer> years) {
            if (!d.isLiteral()) return;
            String lex = d.getLiteralLexicalForm();
            if (lex.length() >= 4 && lex.substring(0, 4).chars().allMatch(Character::isDigit)) years.add(Integer.parseInt(lex.substring(0, 4)));
        }

        private static String years(TreeSet<Integer> years) {
            if (years.isEmpty()) return null;
            return years.first().equals(years.last()) ? years.first() + "年" : years.first() + "–" + years.last() + "年";
        }
    }

    /** "会议 · 2022-11-20 · 乌兰察布市 · 张三、李四": type, date, place, up to three participants. */
    public static String eventLabel(Graph g, Node event, Map<Node, String> conceptLabels) {
        List<String> parts = new ArrayList<>();
        Node type = firstOf(g, event, NKG.eventType.asNode());
        if (type != null) parts.add(conceptLabels.computeIfAbsent(type, x -> {
            String l = zhLabel(g, x);
            return l == null ? x.getLocalName() : l;
        }));
        Node date = firstOf(g, event, NKG.date.asNode());
        if (date == null) date = firstOf(g, event, NKG.dateAsWritten.asNode());
        // a day without its year (xsd:gMonthDay "--11-21") reads 11-21
        if (date != null) parts.add(date.getLiteralLexicalForm().replaceFirst("^--", ""));
        Node place = firstOf(g, event, NKG.hasPlace.asNode());
        Node location = firstOf(g, event, NKG.location.asNode());
        if (place != null && zhLabel(g, place) != null) parts.add(zhLabel(g, place));
        else if (location != null) parts.add(shorten(location.getLiteralLexicalForm(), 16));
        List<String> who = new ArrayList<>();
        g.find(event, NKG.participant.asNode(), Node.ANY).forEachRemaining(t -> {
            String l = zhLabel(g, t.getObject());
            if (l != null && !who.contains(l)) who.add(l);
        });
        who.sort(null);
        if (!who.isEmpty()) parts.add(String.join("、", who.subList(0, Math.min(3, who.size()))) + (who.size() > 3 ? "等" + who.size() + "人" : ""));
        if (parts.size() <= 1) {
            Node summary = firstOf(g, event, NKG.summary.asNode());
            if (summary != null) parts.add(shorten(summary.getLiteralLexicalForm(), 20));
        }
        return String.join(" · ", parts);
    }

    private static Node firstOf(Graph g, Node s, Node p) {
        Iterator<Triple> it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    /** The @zh (else any) rdfs:label or skos:prefLabel. */
    public static String zhLabel(Graph g, Node n) {
        String any = null;
        for (Node p : List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode())) {
            for (Iterator<Triple> it = g.find(n, p, Node.ANY); it.hasNext(); ) {
                Node o = it.next().getObject();
                if (!o.isLiteral()) continue;
                if ("zh".equalsIgnoreCase(o.getLiteralLanguage())) return o.getLiteralLexicalForm();
                if (any == null) any = o.getLiteralLexicalForm();
            }
        }
        return any;
    }

    static String shorten(String s, int n) {
        return s.length() > n ? s.substring(0, n - 1) + "…" : s;
    }
}
