package org.opdqueue.token;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IssuingLaneCountTest {

    @Test
    void noLaneRefusesToStartAndSaysWhichSetting() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> IssuingLaneCount.refuseFewerThanOne(0));
        assertEquals("opd.issuing.lanes must be at least 1, not 0", refused.getMessage());
    }

    @Test
    void oneLaneIsEnough() {
        assertDoesNotThrow(() -> IssuingLaneCount.refuseFewerThanOne(1));
    }
}
