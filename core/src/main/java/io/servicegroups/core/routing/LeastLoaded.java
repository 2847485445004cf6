package io.servicegroups.core.routing;

/**
 * The balancing rule of SPEC 7: among backends below their hard limit, prefer those below their soft limit,
 * then the least loaded (outstanding requests or open connections); ties go round-robin, starting at
 * {@code start}. Pure: the caller supplies the loads it read.
 */
public final class LeastLoaded {
    /** No backend can take more work: none exists, or every one is at its hard limit. */
    public static final int NONE = -1;

    private LeastLoaded() {
    }

    /**
     * @param loads   current load of each backend
     * @param soft    above this load a backend is used only when all are above it
     * @param hard    at this load a backend takes nothing more
     * @param start   where the round-robin scan starts (any int; taken modulo the length)
     * @param exclude an index to skip (a backend that just refused), or {@link #NONE}
     * @return the chosen index, or {@link #NONE}
     */
    public static int pick(int[] loads, int soft, int hard, int start, int exclude) {
        int n = loads.length;
        if (n == 0) {
            return NONE;
        }
        int first = Math.floorMod(start, n);
        int best = NONE;
        boolean bestOverSoft = true;
        int bestLoad = Integer.MAX_VALUE;
        for (int k = 0; k < n; k++) {
            int i = first + k < n ? first + k : first + k - n;
            int load = loads[i];
            if (i == exclude || load >= hard) {
                continue;
            }
            boolean overSoft = load >= soft;
            if (best == NONE || (bestOverSoft && !overSoft) || (bestOverSoft == overSoft && load < bestLoad)) {
                best = i;
                bestOverSoft = overSoft;
                bestLoad = load;
            }
        }
        return best;
    }
}
