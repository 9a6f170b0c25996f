package io.newskg.spark;

import io.newskg.rdf.Iris;
import io.newskg.store.Builder;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages under an input folder or glob on any Hadoop file system, named as {@code newskg
 * build} names them (path relative to the root, '/'-separated), with the same rules: files
 * ending in .txt that are not hidden are pages, sidecars are not; a folder that cannot be
 * listed skips only itself; two pages with one IRI are both skipped.
 */
final class Listing {
    /** A page not extracted: the file and the message, which names it. */
    record Skip(String file, String reason) implements java.io.Serializable {}

    final List<PageRef> pages = new ArrayList<>();
    final List<Skip> skipped = new ArrayList<>();
    final String root;

    private Listing(String root) { this.root = root; }

    /**
     * @param input a folder, a file or a glob ({@code hdfs://nn/papers/2020-*}); a URI without scheme is on the default file system
     * @param root  the folder page names are relative to, or null: the folder given, else the deepest folder of the glob without wildcards
     */
    static Listing of(Configuration conf, String input, String root, Iris iris) throws IOException {
        Path in = new Path(input);
        FileSystem fs = in.getFileSystem(conf);
        in = fs.makeQualified(in);
        boolean glob = input.matches(".*[*?\\[{].*");
        FileStatus[] tops;
        Path rootPath;
        if (glob) {
            tops = fs.globStatus(in);
            if (tops == null) tops = new FileStatus[0];
            Path fixed = in;
            while (fixed.getParent() != null && fixed.toUri().getPath().matches(".*[*?\\[{].*")) fixed = fixed.getParent();
            rootPath = fixed;
        } else {
            FileStatus st;
            try {
                st = fs.getFileStatus(in);
            } catch (java.io.FileNotFoundException e) {
                throw new IllegalArgumentException(input + ": no such file or directory");
            }
            tops = new FileStatus[] {st};
            rootPath = st.isDirectory() ? in : in.getParent();
        }
        if (root != null) rootPath = fs.makeQualified(new Path(root));
        Listing l = new Listing(rootPath.toString());
        Map<String, PageRef> found = new LinkedHashMap<>();
        for (FileStatus st : tops) l.walk(fs, st, rootPath, found);
        List<PageRef> sorted = new ArrayList<>(found.values());
        sorted.sort(java.util.Comparator.comparing(PageRef::name));
        // the rule of build: pages whose IRIs would collide are refused, both of them
        List<Builder.Input> inputs = new ArrayList<>();
        Map<Builder.Input, PageRef> byInput = new LinkedHashMap<>();
        for (PageRef p : sorted) {
            Builder.Input bi = new Builder.Input(java.nio.file.Path.of(p.file()), p.name());
            inputs.add(bi);
            byInput.put(bi, p);
        }
        for (Map.Entry<Builder.Input, String> e : Builder.collisions(inputs, iris).entrySet()) {
            if (e.getValue() == null) l.pages.add(byInput.get(e.getKey()));
            else l.skipped.add(new Skip(byInput.get(e.getKey()).file(), e.getValue()));
        }
        return l;
    }

    private void walk(FileSystem fs, FileStatus st, Path root, Map<String, PageRef> found) {
        if (st.isDirectory()) {
            FileStatus[] entries;
            try {
                entries = fs.listStatus(st.getPath());
            } catch (IOException | RuntimeException e) {
                skipped.add(new Skip(st.getPath().toString(), st.getPath() + ": cannot list directory (" + e.getMessage() + "), its pages skipped"));
                return;
            }
            java.util.Set<String> names = new java.util.HashSet<>();
            for (FileStatus e : entries) names.add(e.getPath().getName());
            for (FileStatus e : entries) {
                if (e.isDirectory()) walk(fs, e, root, found);
                else visit(e, root, names.contains(e.getPath().getName() + ".meta.json"), found);
            }
        } else {
            boolean sidecar;
            try {
                sidecar = fs.exists(st.getPath().suffix(".meta.json"));
            } catch (IOException e) {
                sidecar = false;
            }
            visit(st, root, sidecar, found);
        }
    }

    private void visit(FileStatus st, Path root, boolean sidecar, Map<String, PageRef> found) {
        String file = st.getPath().getName();
        if (file.startsWith(".") || !file.endsWith(".txt")) return;
        String shown = st.getPath().toString();
        if (!st.isFile()) {
            skipped.add(new Skip(shown, shown + ": not a regular file"));
            return;
        }
        URI rel = root.toUri().relativize(st.getPath().toUri());
        if (rel.isAbsolute() || rel.getPath().startsWith("/")) {
            skipped.add(new Skip(shown, shown + ": not under the root " + root));
            return;
        }
        String uri = st.getPath().toUri().toASCIIString();
        found.putIfAbsent(uri, new PageRef(uri, shown, rel.getPath(), sidecar));
    }
}
