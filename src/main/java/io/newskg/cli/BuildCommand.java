package io.newskg.cli;

import picocli.CommandLine.Command;
import java.util.concurrent.Callable;

@Command(name = "build")
final class BuildCommand implements Callable<Integer> {
    @Override
    public Integer call() { return 1; }
}
