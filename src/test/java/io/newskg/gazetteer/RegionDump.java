package io.newskg.gazetteer;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints every mention the linker finds in the given files (a debugging aid, not a test). */
public final class RegionDump {
    public static void main(String[] args) throws Exception {
        RegionLinker linker = new RegionLinker(Gazetteer.get());
        for (String a : args) {
            String text = Files.readString(Path.of(a));
            for (RegionMention m : linker.link(text, "150000")) {
                System.out.printf("%s\t%s\t%s\t%.2f\t%s%n", Path.of(a).getFileName().toString().substring(0, 3), m.asWritten(),
                        m.region() == null ? "-" : m.region().name() + "/" + m.region().code(), m.confidence(),
                        text.substring(Math.max(0, m.begin() - 8), Math.min(text.length(), m.end() + 4)).replace('\n', ' '));
            }
        }
    }
}
