package io.newskg.nlp;

import com.mayabot.nlp.Mynlps;
import com.mayabot.nlp.segment.Lexer;
import com.mayabot.nlp.segment.Lexers;
import com.mayabot.nlp.segment.Nature;
import com.mayabot.nlp.segment.WordTerm;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Person names from mynlp (com.mayabot.mynlp 3.2.1): its dictionary segmenter (core-dict) with
 * the averaged-perceptron person-name recogniser (person-name-model), words tagged {@code nr}.
 * A second opinion beside HanLP's role-tagging recogniser.
 *
 * <p>Offline: every model is read from the mynlp-resource jars on the class path; mynlp only
 * writes its cache (compiled dictionaries, some 30 MB) to {@link #dataDir()}, which is
 * {@code -Dnewskg.mynlp.dir} or else {@code <java.io.tmpdir>/newskg-mynlp}, never the user's home.
 * Loading takes some seconds and some hundred MB of heap, once per JVM (the models are shared);
 * after that a new instance is cheap.
 *
 * <p>Thread-safety: one instance per thread. An instance owns one mynlp lexer, and mynlp does not
 * promise its lexers are thread-safe. mynlp's injector prints "Create for class ..." to System.out
 * each time a lexer is built; the constructor drops what its own thread writes meanwhile and nothing
 * else. {@link #find} never prints.
 */
public final class MynlpPersonNames implements PersonNames {
    private static final Object INIT = new Object();
    private static volatile boolean initialised;

    /** Which mynlp pipeline finds the words the person-name model then joins. */
    public enum Segmenter {
        /** core-dict segmenter (dictionary + bigram Viterbi); needs mynlp-resource-coredict. The default. */
        CORE,
        /** core-dict segmenter, then the perceptron POS tagger; also needs mynlp-resource-pos. */
        CORE_POS,
        /** perceptron segmenter (cws-model) and POS tagger; needs mynlp-resource-cws and -pos. */
        PERCEPTRON
    }

    private final Segmenter segmenter;
    private final Lexer lexer;

    public MynlpPersonNames() {
        this(Segmenter.CORE);
    }

    public MynlpPersonNames(Segmenter segmenter) {
        this.segmenter = segmenter;
        init();
        Lexer[] built = new Lexer[1];
        silently(() -> {
            built[0] = newLexer(segmenter);
            built[0].scan("张三说。"); // load this pipeline's models now, not in the first find()
        });
        this.lexer = built[0];
    }

    public Segmenter segmenter() { return segmenter; }

    /** Where mynlp keeps its cache: {@code -Dnewskg.mynlp.dir}, else a folder in the system temp dir. */
    public static Path dataDir() {
        String d = System.getProperty("newskg.mynlp.dir");
        return d != null && !d.isBlank() ? Path.of(d) : Path.of(System.getProperty("java.io.tmpdir"), "newskg-mynlp");
    }

    private static void init() {
        if (initialised) return;
        synchronized (INIT) {
            if (initialised) return;
            Path dir = dataDir();
            Path cache = dir.resolve("cache");
            try {
                Files.createDirectories(cache);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("mynlp cache dir " + cache + ": " + e.getMessage(), e);
            }
            Mynlps.install(b -> {
                b.setDataDir(dir.toString());
                b.setCacheDir(cache.toString());
            });
            initialised = true;
        }
    }

    /**
     * mynlp's injector prints "Create for class ..." to System.out each time it builds a lexer; stdout
     * is ours (the CLI writes JSON there). System.out is put behind a gate that drops only what the
     * building thread writes, so other threads' output at that moment still goes through.
     */
    private static void silently(Runnable r) {
        synchronized (INIT) {
            if (System.out != gate) {
                gate = new PrintStream(new Gate(System.out), true, STDOUT_CHARSET);
                System.setOut(gate);
            }
            BUILDING.set(true);
            try {
                r.run();
            } finally {
                BUILDING.set(false);
            }
        }
    }

    private static final ThreadLocal<Boolean> BUILDING = ThreadLocal.withInitial(() -> false);
    private static PrintStream gate;
    /** The charset System.out encodes with (Java 17 has no PrintStream.charset()). */
    private static final java.nio.charset.Charset STDOUT_CHARSET = stdoutCharset();

    private static java.nio.charset.Charset stdoutCharset() {
        String name = System.getProperty("sun.stdout.encoding");
        try {
            return name == null ? java.nio.charset.Charset.defaultCharset() : java.nio.charset.Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return java.nio.charset.Charset.defaultCharset();
        }
    }

    /** Passes bytes to the stream it wraps unless the writing thread is building a lexer. */
    private static final class Gate extends OutputStream {
        private final OutputStream to;

        Gate(OutputStream to) {
            this.to = to;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            if (!BUILDING.get()) to.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            if (!BUILDING.get()) to.write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            to.flush();
        }
    }

    private static Lexer newLexer(Segmenter s) {
        var b = Lexers.builder();
        b = s == Segmenter.PERCEPTRON ? b.basic().cws() : b.basic().core();
        if (s != Segmenter.CORE) b = b.withPos();
        return b.withPersonName().keepOriCharOutput().build();
    }

    @Override
    public List<NameSpan> find(String text) {
        List<NameSpan> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        for (WordTerm w : lexer.scan(text)) {
            if (w.getNature() != Nature.nr) continue;
            int b = w.offset, e = b + w.word.length();
            // keepOriCharOutput gives the original characters; check anyway, a wrong offset is worse than a miss
            if (e <= text.length() && text.regionMatches(b, w.word, 0, w.word.length())) {
                out.add(new NameSpan(w.word, b, e));
            }
        }
        return out;
    }
}
