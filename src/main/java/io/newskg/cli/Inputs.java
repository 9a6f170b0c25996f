package io.newskg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands files and directories given on the command line into page files, in a stable order. */
final class Inputs {
    private Inputs() {}

    /** Page files under the given paths; problems are reported to {@code err} and counted as skipped. */
    static List<Path> expand(List<Path> args, PrintStream err, int[] skipped) {
        List<Path> out = new ArrayList<>();
        for (Path p : args) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    for (Path f : s.filter(Inputs::isPage).sorted().toList()) {
                        if (Files.isRegularFile(f) && Files.isReadable(f)) out.add(f);
                        else if (!Files.isDirectory(f)) {
                            err.println(f + ": cannot be read (" + (Files.exists(f) ? "no permission" : "broken link") + ")");
                            skipped[0]++;
                        }
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    err.println(p + ": cannot list directory (" + e.getMessage() + ")");
                    skipped[0]++;
                }
            } else if (Files.exists(p)) {
                out.add(p);
            } else {
                err.println(p + ": no such file or directory");
                skipped[0]++;
            }
        }
        return out;
    }

    /** The page, or null after reporting why it cannot be read and counting it as skipped. */
    static io.newskg.model.Page read(io.newskg.ingest.PageReader reader, Path f, PrintStream err, int[] skipped) {
        try {
            return reader.read(f);
        } catch (io.newskg.ingest.InputException e) {
            err.println(e.getMessage());
            skipped[0]++;
            return null;
        }
    }

    /** The server's update password from NEWSKG_UPDATE_PASSWORD, or null after saying it is missing. */
    static String updatePassword(PrintStream err) {
        String password = System.getenv("NEWSKG_UPDATE_PASSWORD");
        if (password == null || password.isEmpty()) {
            err.println("set NEWSKG_UPDATE_PASSWORD to the server's update password");
            return null;
        }
        return password;
    }

    /** Exit status of a run: 2 when inputs were skipped (said on stderr), else 0. */
    static int status(int skipped, PrintStream err) {
        if (skipped > 0) err.println(skipped + " input(s) skipped");
        return skipped > 0 ? 2 : 0;
    }

    /** Page text files; metadata sidecars and hidden files are not pages. */
    private static boolean isPage(Path p) {
        String n = p.getFileName().toString();
        return !n.startsWith(".") && n.endsWith(".txt");
    }
}
