package org.opdqueue.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.device.Device;
import org.opdqueue.support.BoardClient;
import org.opdqueue.support.StaffSession;
import org.opdqueue.support.TestHospital;

@QuarkusTest
class AdminBoardKeysTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Test
    void anAdminIssuesABoardPcKeyOnTheDevicesPageWhichOpensTheBoardUntilItIsRevoked() {
        String service = hospital.service();
        long board = hospital.board(List.of(service), List.of(hospital.openCounter(service)));
        String pc = hospital.boardPc();
        long id = QuarkusTransaction.requiringNew().call(() -> Device.findByCode("DEMO", pc).orElseThrow().id);
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        assertThat(admin.open("/admin/devices").asString()).contains("/admin/devices/" + id + "/board-key");

        String page = admin.form().post("/admin/devices/" + id + "/board-key").then().statusCode(200).extract().asString();
        Matcher key = Pattern.compile("data-testid=\"board-key\">(" + pc + "\\.[A-Za-z0-9_-]+)<").matcher(page);
        assertThat(key.find()).isTrue();
        assertThat(page).contains("/board/" + board + "?device=" + key.group(1));
        try (BoardClient client = BoardClient.connect(base, board, null, key.group(1))) {
            assertThat(client.next().path("type").asText()).isEqualTo("snapshot");
        }

        admin.open("/admin/devices");
        admin.form().post("/admin/devices/" + id + "/board-key/revoke").then().statusCode(303);
        Throwable refused = catchThrowable(() -> BoardClient.connect(base, board, null, key.group(1)));
        assertThat(refused).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(401);
    }
}
