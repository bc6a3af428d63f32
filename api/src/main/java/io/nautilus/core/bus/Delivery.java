package io.nautilus.core.bus;

/**
 * What a subscription does when its engine falls behind.
 * <ul>
 *   <li>{@link #RELIABLE}: never drops; a full ring spills to an overflow queue bounded only by memory (counted
 *       and alarmed) so that the publisher never blocks. Default; use it for orders, fills, breaches, commands.</li>
 *   <li>{@link #LATEST}: conflates by topic: a slow subscriber gets the newest message of each topic; every
 *       replaced message is counted as conflated. For quotes to slow consumers.</li>
 *   <li>{@link #DROP_OLDEST}: keeps the newest {@code capacity} messages (per subscription) and drops the oldest;
 *       every drop is counted.</li>
 * </ul>
 */
public enum Delivery {
    RELIABLE, LATEST, DROP_OLDEST
}
