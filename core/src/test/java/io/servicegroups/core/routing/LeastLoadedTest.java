package io.servicegroups.core.routing;

import static io.servicegroups.core.routing.LeastLoaded.NONE;
import static io.servicegroups.core.routing.LeastLoaded.pick;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeastLoadedTest {
    private static final int NO_SOFT = 65535;
    private static final int NO_HARD = 65535;

    @Test
    void noBackendsGiveNone() {
        assertThat(pick(new int[0], 1, NO_HARD, 0, NONE)).isEqualTo(NONE);
    }

    @Test
    void theLeastLoadedWins() {
        assertThat(pick(new int[] {3, 1, 2}, NO_SOFT, NO_HARD, 0, NONE)).isEqualTo(1);
        assertThat(pick(new int[] {3, 1, 2}, NO_SOFT, NO_HARD, 2, NONE)).isEqualTo(1);
    }

    @Test
    void tiesGoRoundRobinFromTheStart() {
        List<Integer> picks = new ArrayList<>();
        for (int start = 0; start < 6; start++) {
            picks.add(pick(new int[] {0, 0, 0}, NO_SOFT, NO_HARD, start, NONE));
        }
        assertThat(picks).containsExactly(0, 1, 2, 0, 1, 2);
    }

    @Test
    void negativeAndHugeStartsWrapAround() {
        assertThat(pick(new int[] {0, 0, 0}, NO_SOFT, NO_HARD, -1, NONE)).isEqualTo(2);
        assertThat(pick(new int[] {0, 0, 0}, NO_SOFT, NO_HARD, Integer.MIN_VALUE, NONE)).isEqualTo(1);
        assertThat(pick(new int[] {0, 0, 0}, NO_SOFT, NO_HARD, Integer.MAX_VALUE, NONE)).isEqualTo(1);
    }

    @Test
    void backendsAtTheHardLimitTakeNothing() {
        assertThat(pick(new int[] {2, 5, 2}, NO_SOFT, 2, 0, NONE)).isEqualTo(NONE);
        assertThat(pick(new int[] {2, 1, 2}, NO_SOFT, 2, 0, NONE)).isEqualTo(1);
    }

    @Test
    void backendsOverTheSoftLimitAreUsedOnlyWhenAllAre() {
        assertThat(pick(new int[] {4, 3, 9}, 4, NO_HARD, 0, NONE)).isEqualTo(1);
        assertThat(pick(new int[] {4, 6, 5}, 4, NO_HARD, 1, NONE)).isEqualTo(0);
        assertThat(pick(new int[] {4, 6, 4}, 4, NO_HARD, 1, NONE)).isEqualTo(2);
    }

    @Test
    void theExcludedBackendIsSkipped() {
        assertThat(pick(new int[] {0, 5}, NO_SOFT, NO_HARD, 0, 0)).isEqualTo(1);
        assertThat(pick(new int[] {0}, NO_SOFT, NO_HARD, 0, 0)).isEqualTo(NONE);
    }

    @Test
    void aDefaultGroupSpreadsEvenly() {
        int[] loads = new int[4];
        for (int request = 0; request < 400; request++) {
            loads[pick(loads, 1, NO_HARD, request, NONE)]++;
        }
        assertThat(loads).containsExactly(100, 100, 100, 100);
    }
}
