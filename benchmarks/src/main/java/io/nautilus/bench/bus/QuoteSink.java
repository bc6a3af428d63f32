package io.nautilus.bench.bus;

import com.lmax.disruptor.Sequence;
import io.nautilus.core.bus.Handler;
import io.nautilus.core.bus.Message;
import io.nautilus.core.model.Quote;

import java.util.concurrent.TimeUnit;

/**
 * The subscriber of the throughput benchmarks, identical for the bus and for the raw Disruptor reference: it reads
 * the quote (so the delivery cannot be optimised away) and counts it. The count is a padded Disruptor
 * {@link Sequence} written with release semantics by the one consuming thread, so counting costs a plain store on
 * x86 (no fence) and never shares a cache line with the publisher.
 *
 * <p>Thread-safety: {@link #onMessage} / {@link #accept} from one consumer thread only; {@link #delivered()} and
 * {@link #awaitAtLeast} from any thread.
 */
public final class QuoteSink implements Handler<Quote> {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int SPINS_BEFORE_YIELD = 100;

    private final Sequence delivered = new Sequence(0);
    private double bidSum;

    @Override
    public void onMessage(Quote quote, Message message) {
        accept(quote);
    }

    /** Handles one quote: the whole handler body, shared by the bus and the raw Disruptor benchmarks. */
    public void accept(Quote quote) {
        bidSum += quote.bid();
        delivered.set(delivered.get() + 1);
    }

    /** Quotes handled so far. */
    public long delivered() {
        return delivered.get();
    }

    /** Sum of the handled bids; read after the run so the JIT must keep every read of the payload. */
    public double bidSum() {
        return bidSum;
    }

    /**
     * Waits until {@code target} quotes were handled: spins briefly, then yields (the machine has 2 cores, and the
     * consumer needs one of them). Fails after 30 s, which means the path under test lost messages.
     */
    public void awaitAtLeast(long target) {
        int spins = 0;
        long deadline = 0;
        while (delivered.get() < target) {
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
                continue;
            }
            Thread.yield();
            if ((spins & 1023) == 0) {
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + TIMEOUT_NANOS;
                } else if (now > deadline) {
                    throw new IllegalStateException("only " + delivered.get() + " of " + target
                            + " quotes delivered after 30 s: the path under test lost messages");
                }
            }
        }
    }
}
