package io.nautilus.bus.codec;

/**
 * An envelope that cannot be encoded or decoded. The message is the reason written to the dead-letter stream:
 * it says what is wrong with the entry and, where it applies, how to fix it. Created by the named factories.
 */
public final class CodecException extends Exception {
    private CodecException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }

    /** Not JSON, or JSON without the envelope's fields. */
    public static CodecException malformed(String detail, Throwable cause) {
        return new CodecException("malformed envelope: " + detail, cause);
    }

    /** A format version this build does not read. */
    public static CodecException unsupportedVersion(int version, int supported) {
        return new CodecException("unsupported envelope version " + version + " (this build reads version " + supported
                + "; upgrade the reader)", null);
    }

    /** A wire type name missing from the registry. */
    public static CodecException unknownType(String name) {
        return new CodecException("unknown payload type '" + name + "' (not in the TypeRegistry of this build)", null);
    }

    /** A payload whose fields do not make a valid record (the record's own validation message). */
    public static CodecException invalidPayload(String type, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new CodecException("invalid " + type + " payload: " + root.getMessage(), cause);
    }

    /** A payload class that is not registered, so it cannot leave the process. */
    public static CodecException unregistered(Class<?> type) {
        return new CodecException("payload type " + type.getName()
                + " is not in the TypeRegistry, so it cannot cross processes (register it with TypeRegistry.with)", null);
    }
}
