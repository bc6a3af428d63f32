package io.nautilus.core.store;

/** A failure of the durable store (connection, SQL, constraint). Unchecked; carries the SQL cause. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
