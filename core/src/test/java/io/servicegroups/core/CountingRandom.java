package io.servicegroups.core;

/** A deterministic {@link RandomSource}: 0, 1, 2, ... each reduced modulo the bound asked for. */
final class CountingRandom implements RandomSource {
    private int next;
    private int calls;

    CountingRandom() {
        this(0);
    }

    CountingRandom(int start) {
        this.next = start;
    }

    @Override
    public int nextInt(int bound) {
        calls++;
        return Math.floorMod(next++, bound);
    }

    int calls() {
        return calls;
    }

    /** A source that must not be used at all. */
    static RandomSource unused() {
        return bound -> {
            throw new AssertionError("no random value expected here");
        };
    }
}
