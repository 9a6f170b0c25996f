package io.newskg.store;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long run: done/total, rate and time left. On a terminal one line is redrawn
 * in place (at most twice a second); otherwise (a log file, CI) a line is printed every
 * minute, so logs stay short but never silent. {@link #watch} reports a step whose work is
 * measured from outside (compaction: bytes written so far) from a timer thread.
 */
public final class Progress implements AutoCloseable {
    /** Interval between lines when the output is not a terminal. */
    static final long LOG_INTERVAL_MS = 60_000;
    private static final long TERMINAL_INTERVAL_MS = 500;

    private final PrintStream out;
    private final String what;
    private final String unit;
    private final boolean terminal;
    private final long intervalMs;
    private final long t0 = System.currentTimeMillis();
    private volatile long total;
    private volatile long done;
    private long lastPrint;
    private boolean drawn;
    private Thread watcher;

    /**
     * @param what  what is being done ("build", "compaction")
     * @param unit  what is counted ("pages", "MB")
     * @param total how many there are; 0 or less: unknown
     */
    public Progress(PrintStream out, String what, String unit, long total) {
        this(out, what, unit, total, System.console() != null && out == System.err, LOG_INTERVAL_MS);
    }

    Progress(PrintStream out, String what, String unit, long total, boolean terminal, long intervalMs) {
        this.out = out;
        this.what = what;
        this.unit = unit;
        this.total = total;
        this.terminal = terminal;
        this.intervalMs = terminal ? TERMINAL_INTERVAL_MS : intervalMs;
        this.lastPrint = t0;
        // say at once that it started: a long run must not be silent in its first seconds
        out.println(what + ": " + (total > 0 ? total + " " + unit : "started"));
    }

    /** A progress that prints nothing (tests, nested steps). */
    public static Progress quiet() {
        return new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()), "", "", 0, false, Long.MAX_VALUE);
    }

    public void total(long n) { total = n; }

    public long done() { return done; }

    /** Counts {@code n} more done, printing if it is time. */
    public synchronized void step(long n) {
        done += n;
        maybePrint();
    }

    /** Sets how many are done, printing if it is time. */
    public synchronized void set(long n) {
        done = n;
        maybePrint();
    }

    /** Prints a line of its own (a skipped input), keeping the progress line intact on a terminal. */
    public synchronized void note(String line) {
        if (drawn) out.print("\r\033[K");
        out.println(line);
        drawn = false;
    }

    /** Reports {@code measure} every interval from a timer thread until {@link #close}. */
    public Progress watch(LongSupplier measure) {
        watcher = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(Math.min(intervalMs, 1000));
                    set(measure.getAsLong());
                }
            } catch (InterruptedException e) {
                // closed
            }
        }, "newskg-progress");
        watcher.setDaemon(true);
        watcher.start();
        return this;
    }

    private void maybePrint() {
        long now = System.currentTimeMillis();
        if (now - lastPrint < intervalMs) return;
        lastPrint = now;
        if (terminal) {
            out.print("\r\033[K" + line(now));
            out.flush();
            drawn = true;
        } else {
            out.println(line(now));
        }
    }

    /** "build: 412/1473 pages (28%), 13.2 pages/s, 1 min 20 s left". */
    String line(long now) {
        double secs = Math.max(0.001, (now - t0) / 1000.0);
        double rate = done / secs;
        StringBuilder b = new StringBuilder(what).append(": ").append(done);
        long t = total;
        if (t > 0) b.append('/').append(t);
        b.append(' ').append(unit);
        if (t > 0) b.append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, Math.round(100.0 * done / t))));
        b.append(String.format(Locale.ROOT, ", %s %s/s", rate >= 10 ? String.valueOf(Math.round(rate)) : String.format(Locale.ROOT, "%.1f", rate), unit));
        if (t > 0 && done > 0 && done < t) b.append(", ").append(duration((t - done) / rate)).append(" left");
        else b.append(", ").append(duration(secs)).append(" so far");
        return b.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /** Stops the watcher and prints the final line ("build: 1473/1473 pages in 2 min 3 s"). */
    @Override
    public void close() {
        // the watcher first, outside the lock it takes to print
        if (watcher != null) {
            watcher.interrupt();
            try {
                watcher.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        finish();
    }

    private synchronized void finish() {
        if (drawn) out.print("\r\033[K");
        double secs = (System.currentTimeMillis() - t0) / 1000.0;
        long t = total;
        out.println(what + ": " + (t > 0 ? done + "/" + t : String.valueOf(done)) + " " + unit + " in " + duration(secs));
        drawn = false;
    }
}
