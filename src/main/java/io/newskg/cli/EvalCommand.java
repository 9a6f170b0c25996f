package io.newskg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newskg.eval.Evaluator;
import io.newskg.eval.GoldSet;
import io.newskg.eval.IdentityCheck;
import io.newskg.extract.Extractor;
import io.newskg.rdf.Iris;
import io.newskg.rdf.NKG;
import io.newskg.rdf.RdfMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "eval", description = "Score extraction against gold annotations: precision, recall and F1 per category,"
        + " one table per gold set (default: every named set).")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--set", paramLabel = "NAME", description = "a named gold set: seeds (eval/seeds on seeds/),"
            + " dev (eval/dev/gold on eval/dev/texts) or all; repeatable")
    List<String> sets;

    @Option(names = "--gold", paramLabel = "DIR", description = "a directory of gold JSON files named after the pages; repeatable")
    List<Path> golds;

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR", description = "pages scored against each --gold folder"
            + " (default: a texts/ folder beside it, else seeds/)")
    List<Path> inputs;

    @Option(names = "--json", description = "print the scores as JSON, keyed by set")
    boolean json;

    @Option(names = "--errors", description = "also list every missed and spurious item (with --identity: every node holding two people, every person split over nodes)")
    boolean errors;

    @Option(names = "--identity", paramLabel = "DIR", description = "instead: identity precision and recall on a corpus "
            + "made by newskg corpus --identity (pages and truth.tsv)")
    Path identity;

    @Option(names = "--threads", paramLabel = "N", description = "extraction threads (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    private record Scored(GoldSet set, int pages, Evaluator eval, int[] identity) {}

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (identity != null) {
            if (!Files.isDirectory(identity)) return missing("corpus folder", identity, "");
            if (!Files.isRegularFile(identity.resolve(io.newskg.bench.IdentityCorpus.TRUTH))) {
                System.err.println(identity + ": no " + io.newskg.bench.IdentityCorpus.TRUTH + " (make one with newskg corpus --identity)");
                return 1;
            }
            Extractor extractor = new Extractor();
            RdfMapper mapper = new RdfMapper(new Iris(NKG.DEFAULT_BASE), extractor.gazetteer());
            io.newskg.bench.IdentityCorpus.Result r = io.newskg.bench.IdentityCorpus.measure(identity, extractor, mapper);
            out.println(r);
            if (errors) r.errors().forEach(out::println);
            return 0;
        }
        List<GoldSet> chosen = chosen();
        if (chosen == null) return 1;
        // before the extractor loads: a mistyped folder is said at once, not after a minute
        for (GoldSet set : chosen) {
            String named = GoldSet.NAMED.containsKey(set.name()) ? " (named sets are read from the project folder)" : "";
            if (!Files.isDirectory(set.gold())) return missing("gold folder", set.gold(), named);
            for (Path t : set.texts()) if (!Files.exists(t)) return missing("pages folder", t, named);
        }
        int[] skipped = {0};
        Extractor extractor = new Extractor();
        RdfMapper mapper = new RdfMapper(new Iris(NKG.DEFAULT_BASE), extractor.gazetteer());
        List<Scored> results = new ArrayList<>();
        for (GoldSet set : chosen) {
            Evaluator eval = new Evaluator();
            IdentityCheck identity = new IdentityCheck(mapper);
            int[] scored = {0};
            List<Path> pages = Inputs.expand(set.texts(), System.err, skipped).stream()
                    .filter(f -> Files.exists(set.goldOf(f))).toList();
            ParallelExtraction.run(pages, threads, extractor, System.err, skipped, (f, page, result) -> {
                JsonNode goldPage = Json.MAPPER.readTree(set.goldOf(f).toFile());
                eval.add(result, goldPage);
                identity.add(result, goldPage);
                scored[0]++;
            });
            if (scored[0] == 0) {
                System.err.println("no page of " + set.texts() + " has a gold file in " + set.gold());
                return 1;
            }
            results.add(new Scored(set, scored[0], eval, identity.result()));
        }
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            for (Scored s : results) root.set(s.set().name(), json(s));
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            for (Scored s : results) {
                out.printf("== %s: gold %s, pages %s ==%n", s.set().name(), s.set().gold(),
                        String.join(" ", s.set().texts().stream().map(Path::toString).toList()));
                out.println("pages scored: " + s.pages());
                out.print(s.eval().table());
                out.printf("identity: %d official nodes merge mentions from several articles; %d of them are one person by the gold%n",
                        s.identity()[0], s.identity()[1]);
                out.println();
            }
        }
        if (errors) {
            for (Scored s : results) s.eval().errors().forEach(e -> out.println((results.size() > 1 ? s.set().name() + "\t" : "") + e));
        }
        return Inputs.status(skipped[0], System.err);
    }

    /** Exit status 2, as for any input that is not there, after one line naming the folder. */
    private static int missing(String what, Path folder, String hint) {
        System.err.println("newskg eval: " + what + " " + folder + (Files.exists(folder) ? " is not a folder" : " does not exist") + hint);
        return 2;
    }

    /** The sets asked for, in order and each once; all named sets when none is; null after a usage error. */
    private List<GoldSet> chosen() {
        boolean noGold = golds == null || golds.isEmpty();
        if (noGold && inputs != null && !inputs.isEmpty()) {
            System.err.println("pages are scored against a --gold folder; named sets bring their own pages");
            return null;
        }
        Map<String, GoldSet> chosen = new LinkedHashMap<>();
        List<String> names = sets == null ? List.of() : sets;
        if (names.isEmpty() && noGold) names = List.of("all");
        for (String n : names) {
            if (n.equals("all")) GoldSet.NAMED.values().forEach(s -> chosen.putIfAbsent(s.name(), s));
            else if (GoldSet.NAMED.containsKey(n)) chosen.putIfAbsent(n, GoldSet.NAMED.get(n));
            else {
                System.err.println("unknown set " + n + "; sets: " + String.join(", ", GoldSet.NAMED.keySet()) + ", all");
                return null;
            }
        }
        if (!noGold) for (Path g : golds) chosen.putIfAbsent(g.toString(), GoldSet.ofFolder(g, inputs));
        return new ArrayList<>(chosen.values());
    }

    private static ObjectNode json(Scored s) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("gold", s.set().gold().toString());
        var texts = root.putArray("texts");
        s.set().texts().forEach(p -> texts.add(p.toString()));
        root.put("pages", s.pages());
        root.putObject("identity").put("merged_nodes", s.identity()[0]).put("one_person_by_gold", s.identity()[1]);
        int[] link = s.eval().participantLinking();
        root.putObject("event_participants").put("matched_events", link[0]).put("linked_correctly", link[1]);
        int[] h = s.eval().regionHierarchy();
        root.putObject("region_hierarchy").put("matched", h[0]).put("level_agrees", h[1]).put("parent_agrees", h[2]);
        int[] t = s.eval().postTimes();
        root.putObject("post_times").put("matched_posts", t[0]).put("status_right", t[1])
                .put("gold_starts", t[2]).put("start_right", t[3]);
        ObjectNode status = root.putObject("gold_post_status");
        s.eval().goldPostStatus().forEach(status::put);
        s.eval().totals().forEach((c, sc) -> root.putObject(c).put("precision", sc.precision()).put("recall", sc.recall())
                .put("f1", sc.f1()).put("tp", sc.tp()).put("fp", sc.fp()).put("fn", sc.fn()));
        return root;
    }
}
