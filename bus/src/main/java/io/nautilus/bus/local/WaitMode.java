package io.nautilus.bus.local;

/**
 * How an engine's ring thread waits when it has nothing to do.
 * <ul>
 *   <li>{@link #BLOCKING} (default): spins briefly, yields briefly, then parks until a publisher signals it.
 *       Costs no CPU when idle, which matters on 2-core machines.</li>
 *   <li>{@link #YIELDING}: spins then yields forever: lower latency, burns a core while idle.</li>
 *   <li>{@link #BUSY_SPIN}: never yields: lowest latency, only with a dedicated core per engine.</li>
 * </ul>
 */
public enum WaitMode {
    BLOCKING, YIELDING, BUSY_SPIN
}
