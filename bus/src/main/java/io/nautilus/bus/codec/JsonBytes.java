package io.nautilus.bus.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A growable byte buffer that JSON is written into, by hand ({@link #string}, {@link #number}, {@link #raw}) or by a
 * Jackson generator (it is an {@link OutputStream} without {@code ByteArrayOutputStream}'s locking). Written values
 * are the bytes Jackson writes for them with the Nautilus mapping: strings escaped as Jackson's generator escapes
 * them (a string that needs more than ASCII is written by a generator of the mapping's factory), doubles as
 * {@link Double#toString(double)}, integers in decimal. {@link #take} copies the content out and empties the
 * buffer. Not thread-safe.
 */
final class JsonBytes extends OutputStream {
    private final JsonFactory factory;
    private byte[] a = new byte[1024];
    private int n;
    /** Writes the strings that need escaping, lazily created. */
    private JsonGenerator strings;

    /** @param factory the factory of the mapping whose string format is written (its generator features) */
    JsonBytes(JsonFactory factory) {
        this.factory = factory;
    }

    @Override
    public void write(int b) {
        ensure(1);
        a[n++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, a, n, len);
        n += len;
    }

    private void ensure(int more) {
        if (n + more > a.length) {
            a = Arrays.copyOf(a, Math.max(a.length * 2, n + more));
        }
    }

    /** Appends bytes as they are (pre-encoded JSON). */
    void raw(byte[] b) {
        write(b, 0, b.length);
    }

    /** Appends a JSON string: quoted, escaped as Jackson escapes it. */
    void string(String s) {
        int len = s.length();
        ensure(len + 2);
        int at = n;
        a[at++] = '"';
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                slowString(s); // escapes, UTF-8 or surrogate pairs (rare): Jackson's generator writes it
                return;
            }
            a[at++] = (byte) c;
        }
        a[at++] = '"';
        n = at;
    }

    private void slowString(String s) {
        try {
            if (strings == null) {
                strings = factory.createGenerator(this);
                strings.setRootValueSeparator(null);
            }
            strings.writeString(s);
            strings.flush();
        } catch (IOException ex) {
            strings = null;
            throw new UncheckedIOException("cannot write a JSON string", ex);
        }
    }

    /** Appends a long in decimal. */
    void number(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                ascii(Long.toString(v));
                return;
            }
            write('-');
            v = -v;
        }
        ensure(19);
        if (v <= Integer.MAX_VALUE) {
            digits((int) v);
            return;
        }
        // at most two 64-bit divisions (slow on this hardware), the rest in int arithmetic
        long high = v / BILLION;
        int low = (int) (v - high * BILLION);
        if (high <= Integer.MAX_VALUE) {
            digits((int) high);
        } else {
            long top = high / BILLION;
            digits((int) top);
            nineDigits((int) (high - top * BILLION));
        }
        nineDigits(low);
    }

    private static final long BILLION = 1_000_000_000L;

    /** Appends a non-negative int in decimal (the buffer has room). */
    private void digits(int v) {
        int end = n + width(v);
        int i = end;
        while (v >= 100) {
            int q = v / 100;
            int r = v - q * 100;
            v = q;
            a[--i] = ONES[r];
            a[--i] = TENS[r];
        }
        if (v >= 10) {
            a[--i] = ONES[v];
            a[--i] = TENS[v];
        } else {
            a[--i] = (byte) ('0' + v);
        }
        n = end;
    }

    /** Appends 0..999,999,999 as exactly nine digits (leading zeros: the low part of a larger number). */
    private void nineDigits(int v) {
        int i = n + 9;
        for (int k = 0; k < 4; k++) {
            int q = v / 100;
            int r = v - q * 100;
            v = q;
            a[--i] = ONES[r];
            a[--i] = TENS[r];
        }
        a[--i] = (byte) ('0' + v);
        n += 9;
    }

    /** The units and tens digit of 0..99. */
    private static final byte[] ONES = new byte[100];
    private static final byte[] TENS = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            ONES[i] = (byte) ('0' + i % 10);
            TENS[i] = (byte) ('0' + i / 10);
        }
    }

    /** Decimal digits of a non-negative int. */
    private static int width(int v) {
        int d = 1;
        for (int p = 10; d < 10 && v >= p; p *= 10) {
            d++;
        }
        return d;
    }

    /**
     * Appends a finite double as {@link Double#toString(double)} writes it (Jackson's number format). Fast path for
     * the plain range (1e-3 <= |v| < 1e7) when the value has at most 15 significant digits, as prices and sizes do:
     * the fewest fractional digits k whose decimal {@code m / 10^k} rounds back to v is the shortest decimal of v,
     * which is what {@code Double.toString} prints (a decimal of at most 15 significant digits is the only one of its
     * length that rounds to its double, as 10^15 < 2^53, so there is no closer one to prefer); m is tried at
     * {@code round(|v| * 10^k)} and its two neighbours, as the product may be rounded. Anything else:
     * {@code Double.toString}.
     */
    void number(double v) {
        double abs = Math.abs(v);
        if (abs >= 1e-3 && abs < 1e7) {
            for (int k = 0; k < POW10.length; k++) {
                double scaled = abs * POW10[k];
                if (scaled >= MAX_SIGNIFICAND) {
                    break;
                }
                long m = (long) Math.rint(scaled);
                long found = roundsTo(m, k, abs) ? m : roundsTo(m - 1, k, abs) ? m - 1 : roundsTo(m + 1, k, abs) ? m + 1 : -1;
                if (found >= 0) {
                    plain(v < 0, found, k);
                    return;
                }
            }
        }
        ascii(Double.toString(v));
    }

    /** Powers of ten exact in a double (and in a long). */
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
            1e15, 1e16, 1e17};
    private static final long[] POW10_LONG = new long[POW10.length];

    static {
        for (int i = 0; i < POW10.length; i++) {
            POW10_LONG[i] = (long) POW10[i];
        }
    }

    /** Significands of at most 15 digits: each such decimal is the only one of its length that rounds to its double. */
    private static final double MAX_SIGNIFICAND = 1e15;

    /** True if the decimal m / 10^k rounds to v (IEEE division is correctly rounded; m and 10^k are exact). */
    private static boolean roundsTo(long m, int k, double v) {
        return m > 0 && m < MAX_SIGNIFICAND && m / POW10[k] == v;
    }

    /** Writes [-]int.frac of the decimal m / 10^k, with at least one fractional digit (Double.toString's layout). */
    private void plain(boolean negative, long m, int k) {
        if (negative) {
            write('-');
        }
        long unit = POW10_LONG[k];
        long integer = m / unit;
        long fraction = m - integer * unit;
        ensure(20);
        digits((int) integer); // < 1e7
        a[n++] = '.';
        if (k == 0) {
            a[n++] = '0';
            return;
        }
        int end = n + k;
        for (int i = end - 1; i >= n; i--) {
            a[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        n = end;
    }

    /** Appends an ASCII string as bytes. */
    private void ascii(String s) {
        int len = s.length();
        ensure(len);
        for (int i = 0; i < len; i++) {
            a[n++] = (byte) s.charAt(i);
        }
    }

    /** A copy of the content; empties the buffer. */
    byte[] take() {
        byte[] r = Arrays.copyOf(a, n);
        n = 0;
        return r;
    }

    /** Empties the buffer. */
    void reset() {
        n = 0;
    }
}
