package io.newskg.cli;

/** A situation the user can fix (a bad setting, a port in use): said in one line, no stack trace. */
final class UserError extends RuntimeException {
    UserError(String message) { super(message); }
}
