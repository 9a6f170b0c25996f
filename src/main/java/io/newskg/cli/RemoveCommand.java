package io.newskg.cli;

import io.newskg.gazetteer.Gazetteer;
import io.newskg.rdf.Iris;
import io.newskg.rdf.RdfMapper;
import io.newskg.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "remove", description = "Remove articles (by IRI) or whole pages (by file name or path) from a store.")
final class RemoveCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "ARTICLE|FILE", description = "article IRIs, or page files (their name, or their path under --root)")
    List<String> targets;

    @Option(names = "--store", defaultValue = "store", paramLabel = "DIR", description = "TDB2 store directory (default: ${DEFAULT-VALUE})")
    Path store;

    @Option(names = "--base", paramLabel = "IRI", description = "base IRI of instances (default: the store's own; another one is refused)")
    String base;

    @Option(names = "--root", paramLabel = "DIR", description = "page files are named by their path relative to DIR, as build --root did")
    Path root;

    @Option(names = "--server", paramLabel = "URL",
            description = "remove from a running server instead (its dataset URL); password from NEWSKG_UPDATE_PASSWORD")
    String server;

    @Override
    public Integer call() {
        if (server != null) {
            String password = Inputs.updatePassword(System.err);
            if (password == null) return 1;
            try (io.newskg.store.RemoteStore remote = new io.newskg.store.RemoteStore(server, password)) {
                RdfMapper mapper = mapper(BuildCommand.base(base, remote.storedBase(), server));
                int n = remote.remove(prefixes(mapper.iris()), mapper);
                System.err.println("removed " + n + " article graph(s) from " + server);
                return n == 0 ? 2 : 0;
            }
        }
        StoreIndexes indexes;
        try (GraphStore gs = GraphStore.existing(store)) {
            indexes = new StoreIndexes(gs, store, System.err);
            RdfMapper mapper = mapper(BuildCommand.base(base, gs.storedBase(), "store " + store));
            Iris iris = mapper.iris();
            // who is who is recomputed in the same transaction as the removal that changes it
            int n = gs.remove(prefixes(iris), iris.gazetteerGraph(), ds -> {
                gs.replaceIdentity(mapper);
                return mapper.regionsReferenced(ds);
            });
            System.err.println("removed " + n + " article graph(s) from " + store);
            if (n == 0) {
                System.err.println("nothing matched " + String.join(", ", targets));
                return 2;
            }
            indexes.updateSearch(gs);
        }
        indexes.updateText();
        return 0;
    }

    private static RdfMapper mapper(String base) {
        return new RdfMapper(new Iris(base), Gazetteer.get());
    }

    private List<String> prefixes(Iris iris) {
        List<String> prefixes = new ArrayList<>();
        for (String t : targets) {
            prefixes.add(t.startsWith("http://") || t.startsWith("https://")
                    ? t : iris.page(Inputs.pageName(Path.of(t), root)) + "/");
        }
        return prefixes;
    }
}
