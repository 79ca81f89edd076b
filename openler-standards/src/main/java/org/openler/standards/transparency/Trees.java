package org.openler.standards.transparency;

/** Arithmetic on tree sizes shared by the hashing and proof code. */
final class Trees {

    private Trees() {}

    /** The largest power of two strictly smaller than n (n ≥ 2): the RFC's split point k. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
