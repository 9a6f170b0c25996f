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

    /**
     * Page files under the given paths, each named by its path relative to {@code root} if given,
     * else relative to the directory argument it was found in (a file argument: its file name).
     */
    static List<io.newskg.store.Builder.Input> expandNamed(List<Path> args, Path root, PrintStream err, int[] skipped) {
        List<io.newskg.store.Builder.Input> out = new ArrayList<>();
        Path absRoot = root == null ? null : root.toAbsolutePath().normalize();
        for (Path arg : args) {
            List<Path> files = expand(List.of(arg), err, skipped);
            for (Path f : files) {
                if (absRoot != null) {
                    if (!f.toAbsolutePath().normalize().startsWith(absRoot)) {
                        err.println(f + ": not under --root " + root);
                        skipped[0]++;
                    } else {
                        out.add(io.newskg.store.Builder.Input.under(absRoot, f));
                    }
                } else if (Files.isDirectory(arg)) {
                    out.add(io.newskg.store.Builder.Input.under(arg, f));
                } else {
                    out.add(io.newskg.store.Builder.Input.of(f));
                }
            }
        }
        return out;
    }

    /** The page name of a page file given on the command line (as {@link #expandNamed} names it). */
    static String pageName(Path file, Path root) {
        if (root == null) return file.getFileName().toString();
        return io.newskg.store.Builder.Input.under(root, file).name();
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
