package io.newskg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprints of a store's contents that its indexes are checked against, as last
 * computed (file {@value #FILE} in the store folder), so that {@code serve} need not read every
 * indexed quad of a big store to know its indexes are up to date. The stamp also records the
 * size and time of every TDB2 data file: TDB2 never writes a block in place, so any commit,
 * whoever makes it (this program, a server's SPARQL Update, another tool), changes them, and
 * a stamp whose files differ is no stamp. It is also removed before this program writes.
 */
public final class IndexStamp {
    public static final String FILE = "newskg-index-stamp";
    /** Entries: the search index's fingerprint; the text index's, then its configuration's digest. */
    public static final String SEARCH = "search", TEXT = "text";

    private IndexStamp() {}

    private static final String FILES = "files";

    /**
     * The stamp's entries (index name → fingerprint), empty if there is no stamp or the
     * store's files changed since it was written.
     */
    public static Map<String, String> read(Path store) {
        Path f = store.resolve(FILE);
        Map<String, String> m = new TreeMap<>();
        try {
            if (!Files.isRegularFile(f)) return m;
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                int sp = line.indexOf(' ');
                if (sp > 0) m.put(line.substring(0, sp), line.substring(sp + 1).strip());
            }
            if (!files(store).equals(m.remove(FILES))) m.clear();
        } catch (IOException | UncheckedIOException e) {
            m.clear();
        }
        return m;
    }

    /**
     * Adds or replaces one entry, keeping the others if the stamp still holds; {@code files} is
     * {@link #files} as it was before {@code value} was computed: if the store changed since
     * (a write through a running server), nothing is written.
     */
    public static synchronized void put(Path store, String key, String value, String files) {
        try {
            if (!files.equals(files(store))) return;
            Map<String, String> m = read(store);
            m.put(key, value);
            write(store, m);
        } catch (UncheckedIOException e) {
            // a store folder that cannot be written (read-only media) is served without a stamp
        }
    }

    /** Writes the stamp whole (a temporary file renamed into place), with the store's files as they are now. */
    public static void write(Path store, Map<String, String> entries) {
        StringBuilder b = new StringBuilder();
        Map<String, String> all = new TreeMap<>(entries);
        all.put(FILES, files(store));
        all.forEach((k, v) -> b.append(k).append(' ').append(v).append('\n'));
        Path tmp = store.resolve(FILE + ".tmp");
        try {
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, store.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + store.resolve(FILE), e);
        }
    }

    /** Removes the stamp: the store is about to change. */
    public static void invalidate(Path store) {
        try {
            Files.deleteIfExists(store.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + store.resolve(FILE) + " before writing the store", e);
        }
    }

    /** A digest of the path, size and modification time of every file of the store's data generations. */
    public static String files(Path store) {
        try (java.util.stream.Stream<Path> s = Files.walk(store)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = store.relativize(p);
                // tdb.lock changes with every process that opens the store
                if (!rel.getName(0).toString().startsWith("Data-") || p.getFileName().toString().equals("tdb.lock")) continue;
                md.update((rel + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
