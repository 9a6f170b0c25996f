package io.newskg.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code newskg} command. */
@Command(name = "newskg", mixinStandardHelpOptions = true, version = "newskg 0.1.0",
        description = "Turns Chinese government and party news pages into a knowledge graph (RDF, TDB2, Fuseki).",
        subcommands = {ExtractCommand.class, BuildCommand.class, AddCommand.class, RemoveCommand.class, LoadCommand.class, ServeCommand.class,
                ExportCommand.class, EvalCommand.class, CorpusCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // a busy, damaged or missing store, a bad setting: the user's situation, not a crash: one line, no stack trace
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof io.newskg.store.GraphStore.StoreException || e instanceof UserError) {
                cmd.getErr().println(e.getMessage());
                return 1;
            }
            if (e instanceof org.apache.jena.atlas.web.HttpException h) {
                cmd.getErr().println("the server answered " + (h.getStatusCode() > 0 ? h.getStatusCode() + " " : "")
                        + h.getMessage() + (h.getStatusCode() == 401 ? " (check NEWSKG_UPDATE_PASSWORD)" : ""));
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
