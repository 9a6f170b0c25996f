package io.newskg.cli;

import io.newskg.rdf.NKG;
import io.newskg.serve.Server;
import org.apache.jena.fuseki.main.FusekiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "serve", description = "Build the store from the given pages (if any), then serve it with Fuseki on localhost.")
final class ServeCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE|DIR", description = "pages to build first")
    List<Path> inputs;

    @Option(names = "--store", defaultValue = "store", paramLabel = "DIR", description = "TDB2 store directory (default: ${DEFAULT-VALUE})")
    Path store;

    @Option(names = "--port", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--config", defaultValue = "fuseki-config/config.ttl", paramLabel = "FILE",
            description = "Fuseki configuration; its tdb2:location is replaced by --store (default: ${DEFAULT-VALUE}, else the bundled copy)")
    Path config;

    @Option(names = "--base", paramLabel = "IRI", description = "base IRI of instances of a new store (default: the store's own, else " + NKG.DEFAULT_BASE + ")")
    String base;

    @Override
    public Integer call() {
        int status = 0;
        Server.Options options;
        try {
            options = Server.Options.fromEnvironment(config, store, port);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new UserError(e.getMessage());
        }
        if (inputs != null && !inputs.isEmpty()) status = BuildCommand.run(inputs, null, store, base, true);
        // created atomically and checked here: Fuseki would create a missing store in place, and
        // report a damaged or busy one with a stack trace
        else new io.newskg.store.GraphStore(store).close();
        FusekiServer server;
        try {
            server = Server.start(options);
        } catch (RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof java.net.BindException) {
                    throw new UserError("port " + port + " is in use (" + c.getMessage() + "); stop what listens there or choose another with --port");
                }
            }
            throw e;
        }
        System.err.println("SPARQL endpoint: http://localhost:" + server.getHttpPort() + "/newskg/sparql");
        System.err.println("Press Ctrl-C to stop.");
        server.join();
        return status;
    }
}
