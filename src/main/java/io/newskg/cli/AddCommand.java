package io.newskg.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "add", description = "Add pages to an existing store; a page already stored is replaced by its new version.")
final class AddCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "page files or directories of pages")
    List<Path> inputs;

    @Option(names = "--store", defaultValue = "store", paramLabel = "DIR", description = "TDB2 store directory (default: ${DEFAULT-VALUE})")
    Path store;

    @Option(names = "--base", paramLabel = "IRI", description = "base IRI of instances (default: the store's own; another one is refused)")
    String base;

    @Option(names = "--root", paramLabel = "DIR",
            description = "name each page by its path relative to DIR, as build --root did (default: as build names them)")
    Path root;

    @Option(names = "--server", paramLabel = "URL",
            description = "send the pages to a running server instead (its dataset URL, e.g. http://localhost:3030/newskg); "
                    + "the update password comes from NEWSKG_UPDATE_PASSWORD")
    String server;

    @Override
    public Integer call() {
        if (server == null) return BuildCommand.run(inputs, root, store, base, false);
        return BuildCommand.runRemote(inputs, root, server, base);
    }
}
