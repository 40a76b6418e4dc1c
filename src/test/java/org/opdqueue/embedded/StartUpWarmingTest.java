package org.opdqueue.embedded;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StartUpWarmingTest {

    @Test
    void theStatementsItWarmsWithAreValidHql() {
        for (String hql : StartUpWarming.HQL) {
            assertEquals(0, StartUpWarming.parse(hql), hql);
        }
    }

    @Test
    void aMistypedStatementCountsAsASyntaxError() {
        assertTrue(StartUpWarming.parse("select count(* from PriorityCategory where") > 0);
    }

    @Test
    void theValidatorItWarmsWithStartsWithoutQuarkus() {
        assertDoesNotThrow(StartUpWarming::warmValidation);
    }
}
