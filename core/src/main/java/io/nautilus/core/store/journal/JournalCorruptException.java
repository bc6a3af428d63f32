package io.nautilus.core.store.journal;

/** A journal record that is damaged where it cannot be a torn tail (valid records follow it, or a sequence gap). */
public final class JournalCorruptException extends RuntimeException {
    public JournalCorruptException(String message) {
        super(message);
    }
}
