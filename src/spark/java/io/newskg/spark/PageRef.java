package io.newskg.spark;

import java.io.Serializable;

/**
 * * One page file to extract: its URI on a Hadoop file system (percent-encoded ASCII), the same as
 * written for messages ({@code file}), the name that identifies its page (its path relative to
 * the input root, as {@code newskg build} names it) and whether a metadata sidecar
 * {@code <file>.meta.json} lies beside it.
 */
record PageRef(String uri, String file, String name, boolean sidecar) implements Serializable {}
