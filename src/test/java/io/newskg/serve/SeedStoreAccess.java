package io.newskg.serve;

import java.nio.file.Path;

/** The shared seed store for tests outside this package. */
public final class SeedStoreAccess {
    private SeedStoreAccess() {}

    public static Path path() { return SeedStore.path(); }
}
