package io.newskg.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code newskg} command. */
@Command(name = "newskg", mixinStandardHelpOptions = true, version = "newskg 0.1.0",
        description = "Turns Chinese government and party news pages into a knowledge graph (RDF, TDB2, Fuseki).",
        subcommands = {ExtractCommand.class, BuildCommand.class, AddCommand.class, RemoveCommand.class, ServeCommand.class, ExportCommand.class,
                EvalCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
