package dk.noegletal.common;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Tells whether something about to be kept in a cache was computed before: a cache that keeps what is computed the
 * second time, not the first, keeps what is asked for again and leaves alone the many things asked for once.
 * <p>
 * Under a load of different requests (every import makes all answers new, a dashboard walks through areas and
 * periods) the caches of computed figures and answers kept everything at once, only to push it out again a moment
 * later for the next ones. On a heap of 160 MB such entries outlived the young generation, were moved to the old one
 * and made the full collections that stalled every request. This remembers the keys of the last computations in a
 * fixed table of fingerprints, each slot holding the last key that fell in it, so it holds no reference to a key and
 * its memory never grows.
 */
public final class SecondTime {

    private final AtomicLongArray fingerprints;
    private final int mask;

    /** Remembering the keys of the last {@code slots} computations (a power of two). */
    public SecondTime(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, not " + slots);
        }
        this.fingerprints = new AtomicLongArray(slots);
        this.mask = slots - 1;
    }

    /**
     * Whether a computation under this key was noted before and is still remembered; if not, it is noted now. Two
     * keys with the same hash code count as one (they only make something kept a computation early).
     */
    public boolean noted(Object key) {
        int hash = key.hashCode();
        long fingerprint = 1L << 32 | hash & 0xFFFF_FFFFL; // never 0, the empty slot
        int slot = (hash ^ hash >>> 16) & mask;
        if (fingerprints.getPlain(slot) == fingerprint) {
            return true;
        }
        fingerprints.setPlain(slot, fingerprint);
        return false;
    }
}
