package io.newskg.gazetteer;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints every mention the linker finds in the given files (a debugging aid, not a test). */
public final class RegionDump {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Gazetteer g = Gazetteer.get();
        long t1 = System.nanoTime();
        RegionLinker linker = new RegionLinker(g);
        long t2 = System.nanoTime();
        System.err.printf("cold: Gazetteer.get %d ms, RegionLinker build %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        long linkNs = 0;
        for (String a : args) {
            String text = Files.readString(Path.of(a));
            long t = System.nanoTime();
            linker.link(text, "150000");
            linkNs += System.nanoTime() - t;
            for (RegionMention m : linker.link(text, "150000")) {
                System.out.printf("%s\t%s\t%s\t%.2f\t%s%n", Path.of(a).getFileName().toString().substring(0, 3), m.asWritten(),
                        m.region() == null ? "-" : m.region().name() + "/" + m.region().code(), m.confidence(),
                        text.substring(Math.max(0, m.begin() - 8), Math.min(text.length(), m.end() + 4)).replace('\n', ' '));
            }
        }
        System.err.printf("link: %d pages in %d ms (first calls, cold JIT)%n", args.length, linkNs / 1_000_000);
    }
}
