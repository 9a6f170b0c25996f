package io.newskg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newskg.eval.Evaluator;
import io.newskg.extract.Extractor;
import io.newskg.ingest.PageReader;
import io.newskg.model.Page;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "eval", description = "Score extraction against gold annotations: precision, recall and F1 per category.")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "DIR", description = "directory of gold JSON files named after the pages")
    Path gold;

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR", description = "pages to score (default: the pages the gold files name, from seeds/)")
    List<Path> inputs;

    @Option(names = "--json", description = "print the scores as JSON")
    boolean json;

    @Option(names = "--errors", description = "also list every missed and spurious item")
    boolean errors;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int[] skipped = {0};
        List<Path> files = Inputs.expand(inputs == null || inputs.isEmpty() ? List.of(Path.of("seeds")) : inputs,
                System.err, skipped);
        Extractor extractor = new Extractor();
        PageReader reader = new PageReader();
        Evaluator eval = new Evaluator();
        io.newskg.rdf.RdfMapper mapper = new io.newskg.rdf.RdfMapper(new io.newskg.rdf.Iris(io.newskg.rdf.NKG.DEFAULT_BASE),
                extractor.gazetteer());
        io.newskg.eval.IdentityCheck identity = new io.newskg.eval.IdentityCheck(mapper::personScope);
        int scored = 0;
        for (Path f : files) {
            String base = f.getFileName().toString().replaceFirst("\\.txt$", "");
            Path g = gold.resolve(base + ".json");
            if (!Files.exists(g)) continue;
            Page page = Inputs.read(reader, f, System.err, skipped);
            if (page == null) continue;
            io.newskg.model.Results.PageResult result = extractor.extract(page);
            JsonNode goldPage = Json.MAPPER.readTree(g.toFile());
            eval.add(result, goldPage);
            identity.add(result, goldPage);
            scored++;
        }
        if (scored == 0) {
            System.err.println("no page has a gold file in " + gold);
            return 1;
        }
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("pages", scored);
            int[] id = identity.result();
            root.putObject("identity").put("merged_nodes", id[0]).put("one_person_by_gold", id[1]);
            int[] link = eval.participantLinking();
            root.putObject("event_participants").put("matched_events", link[0]).put("linked_correctly", link[1]);
            int[] h = eval.regionHierarchy();
            root.putObject("region_hierarchy").put("matched", h[0]).put("level_agrees", h[1]).put("parent_agrees", h[2]);
            eval.totals().forEach((c, s) -> {
                ObjectNode n = root.putObject(c);
                n.put("precision", s.precision()).put("recall", s.recall()).put("f1", s.f1())
                        .put("tp", s.tp()).put("fp", s.fp()).put("fn", s.fn());
            });
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.println("pages scored: " + scored);
            out.print(eval.table());
            int[] id = identity.result();
            out.printf("identity: %d official nodes merge mentions from several articles; %d of them are one person by the gold%n",
                    id[0], id[1]);
        }
        if (errors) eval.errors().forEach(out::println);
        return Inputs.status(skipped[0], System.err);
    }
}
