package org.opdqueue.display;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.net.HostAndPort;

import org.opdqueue.display.BoardConnections.Refusal;
import org.opdqueue.display.BoardConnections.Slot;

class BoardAdmissionTest {

    @Test
    void theServersOwnPageIsSameOriginWhateverTheSchemeAProxyEnded() {
        assertThat(BoardAdmission.sameOrigin("http://opd.lan:8080", HostAndPort.authority("opd.lan", 8080))).isTrue();
        assertThat(BoardAdmission.sameOrigin("https://OPD.lan", HostAndPort.authority("opd.lan", -1))).isTrue();
        assertThat(BoardAdmission.sameOrigin("http://opd.lan", HostAndPort.authority("opd.lan", 80))).isTrue();
    }

    @Test
    void anotherHostOrPortOrNoOriginAtAllIsForeign() {
        assertThat(BoardAdmission.sameOrigin("http://evil.example:8080", HostAndPort.authority("opd.lan", 8080))).isFalse();
        assertThat(BoardAdmission.sameOrigin("http://opd.lan:8081", HostAndPort.authority("opd.lan", 8080))).isFalse();
        assertThat(BoardAdmission.sameOrigin("null", HostAndPort.authority("opd.lan", 8080))).isFalse();
        assertThat(BoardAdmission.sameOrigin("http://opd.lan:8080", null)).isFalse();
        assertThat(BoardAdmission.sameOrigin("::not a uri::", HostAndPort.authority("opd.lan", 8080))).isFalse();
    }

    @Test
    void theKeyIsReadFromTheOfferedSubprotocolsAndFromTheQueryOnlyWithoutThem() {
        String encoded = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("BOARDA.demo-board-a".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(BoardAdmission.offeredKey("opd-board, opd-board-key." + encoded, null)).isEqualTo("BOARDA.demo-board-a");
        assertThat(BoardAdmission.offeredKey("opd-board,opd-board-key." + encoded, "OLD.key")).isEqualTo("BOARDA.demo-board-a");
        assertThat(BoardAdmission.offeredKey(null, "OLD.key")).as("a board of the release before").isEqualTo("OLD.key");
        assertThat(BoardAdmission.offeredKey("opd-board", null)).isNull();
        assertThat(BoardAdmission.offeredKey("opd-board, opd-board-key.***", "OLD.key")).as("garbled: no key at all").isNull();
    }

    @Test
    void slotsAreCappedPerAddressAndInTotalAndGivenBackOnClose() {
        BoardConnections caps = new BoardConnections(3, 2);
        Slot a1 = (Slot) caps.take("10.0.0.1");
        caps.take("10.0.0.1");
        assertThat(caps.take("10.0.0.1")).isEqualTo(Refusal.ADDRESS_FULL);
        caps.take("10.0.0.2");
        assertThat(caps.take("10.0.0.3")).isEqualTo(Refusal.SERVER_FULL);
        caps.opened(a1);
        caps.closed(a1);
        caps.closed(a1); // a second close gives nothing back twice
        assertThat(caps.open()).isEqualTo(2);
        assertThat(caps.take("10.0.0.1")).isInstanceOf(Slot.class);
        assertThat(caps.take("10.0.0.1")).isEqualTo(Refusal.SERVER_FULL);
    }

    @Test
    void aSlotWhoseSocketNeverOpenedIsGivenBackByTheSweep() {
        BoardConnections caps = new BoardConnections(2, 1);
        caps.take("10.0.0.1");
        Slot opened = (Slot) caps.take("10.0.0.2");
        caps.opened(opened);
        assertThat(caps.take("10.0.0.1")).isEqualTo(Refusal.SERVER_FULL);
        caps.refused(Refusal.NO_VALID_KEY, "10.0.0.9");
        caps.sweep();
        assertThat(caps.open()).isEqualTo(2); // too young to be given up on
        caps.sweep(System.nanoTime() + BoardConnections.OPEN_WITHIN_NANOS + 1);
        assertThat(caps.open()).isEqualTo(1); // the open one stays
        assertThat(caps.take("10.0.0.1")).isInstanceOf(Slot.class);
    }
}
