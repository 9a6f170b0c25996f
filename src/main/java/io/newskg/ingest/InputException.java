package io.newskg.ingest;

/** A page that cannot be read; the message names the file and the problem. */
public class InputException extends Exception {
    public InputException(String file, String problem) {
        super(file + ": " + problem);
    }
}
