package io.newskg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Expands files and directories given on the command line into page files, in a stable order. */
final class Inputs {
    private Inputs() {}

    /** Lists a directory; a seam so tests can make one folder fail (root reads any folder). */
    interface Lister {
        List<Path> list(Path dir) throws IOException;
    }

    static Lister lister = dir -> {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            List<Path> out = new ArrayList<>();
            for (Path p : s) out.add(p);
            return out;
        }
    };

    /** Page files under the given paths; problems are reported to {@code err} and counted as skipped. */
    static List<Path> expand(List<Path> args, PrintStream err, int[] skipped) {
        List<Path> out = new ArrayList<>();
        for (Path p : args) {
            if (Files.isDirectory(p)) {
                List<Path> found = new ArrayList<>();
                walk(p, found, err, skipped);
                found.sort(null);
                out.addAll(found);
            } else if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                out.add(p);
            } else {
                err.println(p + ": no such file or directory");
                skipped[0]++;
            }
        }
        return out;
    }

    /**
     * Entry by entry, so a folder that cannot be listed skips only itself. Links to folders are
     * not followed (no cycles); a link to a file is read as that file.
     */
    private static void walk(Path dir, List<Path> out, PrintStream err, int[] skipped) {
        List<Path> entries;
        try {
            entries = lister.list(dir);
        } catch (IOException | RuntimeException e) {
            err.println(dir + ": cannot list directory (" + reason(e) + "), its pages skipped");
            skipped[0]++;
            return;
        }
        for (Path f : entries) {
            if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                walk(f, out, err, skipped);
            } else if (isPage(f)) {
                if (Files.isRegularFile(f) && Files.isReadable(f)) out.add(f);
                else {
                    err.println(f + ": " + (!Files.exists(f) ? "cannot be read (broken link)"
                            : !Files.isRegularFile(f) ? "not a regular file" : "cannot be read (no permission)"));
                    skipped[0]++;
                }
            }
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "no permission";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
        if (password.isBlank()) {
            err.println("NEWSKG_UPDATE_PASSWORD is only whitespace; set it to the server's update password");
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
