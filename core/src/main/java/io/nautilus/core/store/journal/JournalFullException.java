package io.nautilus.core.store.journal;

/** The journal refused a flush: too many written bytes are not yet applied to the store (the store is behind). */
public final class JournalFullException extends RuntimeException {
    public JournalFullException(String message) {
        super(message);
    }
}
