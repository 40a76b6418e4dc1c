package org.opdqueue.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CallPolicyTest {

    record T(String name, int time) {
    }

    static final Comparator<T> BY_TIME = Comparator.comparingInt(T::time);

    static List<T> lane(String prefix, int... times) {
        List<T> lane = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            lane.add(new T(prefix + (i + 1), times[i]));
        }
        return lane;
    }

    static List<String> order(CallPolicy policy, List<T> priority, List<T> general) {
        return policy.callOrder(priority, general, BY_TIME).stream().map(T::name).toList();
    }

    @Test
    void atMostInterleavePriorityTokensInARowWhileGeneralWaits() {
        List<T> priority = lane("P", 5, 6, 7, 8, 9);
        List<T> general = lane("G", 1, 2, 3);
        assertThat(order(new CallPolicy(2, 0), priority, general))
                .containsExactly("P1", "P2", "G1", "P3", "P4", "G2", "P5", "G3");
    }

    @Test
    void priorityRunAlreadyUsedUpCallsGeneralFirst() {
        assertThat(order(new CallPolicy(2, 2), lane("P", 1, 2), lane("G", 3, 4)))
                .containsExactly("G1", "P1", "P2", "G2");
    }

    @Test
    void generalIsNeverStarvedByAnEndlessPriorityLane() {
        List<T> priority = lane("P", new int[100]);
        List<T> general = lane("G", 50);
        List<String> order = order(new CallPolicy(3, 0), priority, general);
        assertThat(order.indexOf("G1")).isEqualTo(3);
    }

    @Test
    void withinALaneIssueOrderIsKept() {
        List<String> order = order(new CallPolicy(2, 0), lane("P", 1, 2, 3, 4), lane("G", 1, 2, 3, 4));
        assertThat(order.stream().filter(n -> n.startsWith("P")).toList()).containsExactly("P1", "P2", "P3", "P4");
        assertThat(order.stream().filter(n -> n.startsWith("G")).toList()).containsExactly("G1", "G2", "G3", "G4");
    }

    @Test
    void withoutAPriorityLaneQueueTimeAloneDecides() {
        assertThat(order(new CallPolicy(0, 0), lane("P", 2, 5), lane("G", 1, 3, 4)))
                .containsExactly("G1", "P1", "G2", "G3", "P2");
    }

    @Test
    void aLoneLaneIsCalledInOrder() {
        assertThat(order(new CallPolicy(2, 0), lane("P", 1, 2, 3), List.of())).containsExactly("P1", "P2", "P3");
        assertThat(order(new CallPolicy(2, 5), List.of(), lane("G", 1, 2))).containsExactly("G1", "G2");
    }

    @Test
    void peopleAheadFromCountsMatchesTheSimulatedOrder() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            int interleave = 1 + random.nextInt(4);
            int run = random.nextInt(interleave + 2);
            List<T> priority = lane("P", new int[random.nextInt(12)]);
            List<T> general = lane("G", new int[random.nextInt(12)]);
            CallPolicy policy = new CallPolicy(interleave, run);
            List<String> order = order(policy, priority, general);
            for (int p = 0; p < priority.size(); p++) {
                assertThat(policy.peopleAhead(true, p, general.size())).as("P%d in %s", p + 1, order)
                        .isEqualTo(order.indexOf("P" + (p + 1)));
            }
            for (int g = 0; g < general.size(); g++) {
                assertThat(policy.peopleAhead(false, g, priority.size())).as("G%d in %s", g + 1, order)
                        .isEqualTo(order.indexOf("G" + (g + 1)));
            }
        }
    }
}
