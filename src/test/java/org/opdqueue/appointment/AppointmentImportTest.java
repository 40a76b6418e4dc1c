package org.opdqueue.appointment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.opdqueue.common.ProblemException;
import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

/** Appointments come in as CSV, our JSON, or FHIR R4; bad input is refused whole, each bad field named. */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(org.opdqueue.support.MidnightDay.class) // fixed times of a calendar day
class AppointmentImportTest {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @Inject
    TestHospital hospital;

    @Inject
    AppointmentImport imports;

    static String number() {
        return "A-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse post(Object body) {
        return Api.as("admin", "admin123").contentType(ContentType.JSON).body(body).post("/api/appointments").then();
    }

    static Appointment stored(String number) {
        return QuarkusTransaction.requiringNew().call(() -> Appointment.findByNumber("DEMO", number).orElse(null));
    }

    @Test
    void aCsvWithQuotedNamesAndLocalTimesIsImportedAndAgainUpdatesByNumber() {
        String service = hospital.service();
        String a = number();
        String b = number();
        String csv = "\uFEFFappointment_number,service,slot_start,patient_name,mobile,patient_id,status\r\n"
                + a + "," + service.toLowerCase() + ",2026-12-03 10:30,\"Devi, Asha\",+91 98765 43210,UHID/77,booked\r\n"
                + b + "," + service + ",2026-12-03T11:00:00+05:30,Ravi Kumar,,,\r\n\r\n";

        assertThat(imports.csv(csv, "admin")).isEqualTo(new AppointmentImport.Imported(2, 0, 0));

        Appointment first = stored(a);
        assertThat(first.patientName).isEqualTo("Devi, Asha");
        assertThat(first.patientMobile).isEqualTo("9876543210");
        assertThat(first.patientRef).isEqualTo("UHID/77");
        assertThat(first.slotStart).isEqualTo(DAY.atTime(LocalTime.of(10, 30)).atZone(IST).toInstant());
        assertThat(first.businessDay).isEqualTo(DAY);
        assertThat(first.initials()).isEqualTo("D.A.");

        String moved = csv.replace(b + "," + service + ",2026-12-03T11:00:00+05:30,Ravi Kumar,,,",
                b + "," + service + ",2026-12-03T12:00:00+05:30,Ravi Kumar,,,cancelled");
        assertThat(imports.csv(moved, "admin")).isEqualTo(new AppointmentImport.Imported(0, 2, 1));
        assertThat(stored(b).cancelled).isTrue();
        assertThat(stored(b).slotStart).isEqualTo(Instant.parse("2026-12-03T06:30:00Z"));
        assertThat(stored(b).choiceCode).isEqualTo(stored(b).choiceCode).isNotBlank();
    }

    @Test
    void aCsvWithBadRowsNamesEveryBadRowAndFieldAndImportsNone() {
        String service = hospital.service();
        String good = number();
        String csv = "appointment_number,service,slot_start,mobile\n"
                + good + "," + service + ",2026-12-03 10:30,9876543210\n"
                + number() + "," + service + ",tomorrow at ten,9876543210\n"
                + number() + ",NOSUCH,2026-12-03 10:30,12345\n"
                + "," + service + ",2026-12-03 10:30,\n";

        assertThatThrownBy(() -> imports.csv(csv, "admin")).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(
                e.errors().stream().map(f -> f.field()).toList())
                .containsExactly("row 3: slot_start", "row 4: mobile", "row 5: appointment_number"));
        assertThat(stored(good)).isNull();

        String unknownService = "appointment_number,service,slot_start\n" + good + ",NOSUCH,2026-12-03 10:30\n";
        assertThatThrownBy(() -> imports.csv(unknownService, "admin")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("row 2: service"));
        assertThatThrownBy(() -> imports.csv("number,slot\n1,2\n", "admin")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors().stream().map(f -> f.field()).toList())
                        .containsExactly("row 1: appointment_number", "row 1: service", "row 1: slot_start"));
        assertThat(stored(good)).isNull();
    }

    @Test
    void theApiTakesOneOrManyAppointmentsAndRefusesABadOneNamingItsPath() {
        String service = hospital.service();
        String one = number();
        post(Map.of("number", one, "service", service, "slotStart", "2026-12-03T10:00:00+05:30", "patientName",
                "Asha Devi", "mobile", "9876543210")).statusCode(200).body("added", equalTo(1));
        String two = number();
        String three = number();
        post(Map.of("appointments", List.of(
                Map.of("number", two, "service", service, "slotStart", "2026-12-03T10:15:00+05:30"),
                Map.of("number", three, "service", service, "slotStart", "2026-12-03T10:30:00+05:30", "status",
                        "cancelled")))).statusCode(200).body("added", equalTo(2)).body("cancelled", equalTo(1));

        String never = number();
        post(Map.of("appointments", List.of(
                Map.of("number", never, "service", service, "slotStart", "2026-12-03T10:00:00+05:30"),
                Map.of("number", number(), "service", service, "slotStart", "2026-12-03T10:00:00+05:30", "status", "maybe"),
                Map.of("number", number(), "service", service, "slotStart", "2026-12-03T10:00:00+05:30", "mobile", "555"))))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("appointments[1].status", "appointments[2].mobile"));
        assertThat(stored(never)).isNull();
        assertThat(stored(three).cancelled).isTrue();
    }

    @Test
    void aFhirAppointmentAndABundleAreImportedAndABadBundleEntryIsNamed() {
        String service = hospital.service();
        String single = number();
        Api.as("admin", "admin123").contentType("application/fhir+json").body(fhir(single, service, "booked",
                "2026-12-03T09:30:00+05:30")).post("/api/appointments").then().statusCode(200).body("added", equalTo(1));
        Appointment a = stored(single);
        assertThat(a.patientName).isEqualTo("Sunita Sharma");
        assertThat(a.patientRef).isEqualTo("Patient/p-42");
        assertThat(a.patientMobile).isEqualTo("9123456780");
        assertThat(a.slotStart).isEqualTo(Instant.parse("2026-12-03T04:00:00Z"));

        String b1 = number();
        Map<String, Object> bundle = Map.of("resourceType", "Bundle", "type", "collection", "entry", List.of(
                Map.of("resource", fhir(b1, service, "booked", "2026-12-03T10:00:00+05:30")),
                Map.of("resource", fhir(single, service, "cancelled", "2026-12-03T09:30:00+05:30"))));
        post(bundle).statusCode(200).body("added", equalTo(1)).body("updated", equalTo(1)).body("cancelled", equalTo(1));
        assertThat(stored(single).cancelled).isTrue();
        assertThat(stored(b1).serviceId).isEqualTo(a.serviceId);

        String never = number();
        Map<String, Object> noStart = new java.util.HashMap<>(fhir(number(), service, "booked", null));
        noStart.remove("start");
        Map<String, Object> bad = Map.of("resourceType", "Bundle", "entry", List.of(
                Map.of("resource", fhir(never, service, "booked", "2026-12-03T10:00:00+05:30")),
                Map.of("resource", noStart),
                Map.of("resource", Map.of("resourceType", "Patient"))));
        post(bad).statusCode(400).body("errors.field", hasItems("entry[1].resource.start", "entry[2].resource.resourceType"));
        assertThat(stored(never)).isNull();
        post(Map.of("resourceType", "Observation")).statusCode(400).body("errors[0].field", equalTo("resourceType"));
    }

    @Test
    void theBookingPortalImportsWithItsKeyAndNobodyElseWithoutAnAdminsLogIn() {
        String service = hospital.service();
        Map<String, Object> body = Map.of("number", number(), "service", service, "slotStart", "2026-12-03T10:00:00+05:30");
        given().header("Authorization", "Bearer test-portal-key").contentType(ContentType.JSON).body(body)
                .post("/api/appointments").then().statusCode(200).body("added", equalTo(1));
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(body)
                .post("/api/appointments").then().statusCode(401);
        given().contentType(ContentType.JSON).body(body).post("/api/appointments").then().statusCode(401);
        Api.staff().contentType(ContentType.JSON).body(body).post("/api/appointments").then().statusCode(403);
        Api.kiosk().contentType(ContentType.JSON).body(body).post("/api/appointments").then().statusCode(401);
    }

    static Map<String, Object> fhir(String number, String service, String status, String start) {
        Map<String, Object> resource = new java.util.HashMap<>(Map.of(
                "resourceType", "Appointment",
                "identifier", List.of(Map.of("system", "https://portal.example.org/appointments", "value", number)),
                "status", status,
                "serviceType", List.of(Map.of("coding", List.of(Map.of("system", "urn:opd:service", "code", service)),
                        "text", "Test service")),
                "contained", List.of(Map.of("resourceType", "Patient", "id", "p", "telecom",
                        List.of(Map.of("system", "phone", "value", "+91-9123456780")))),
                "participant", List.of(
                        Map.of("actor", Map.of("reference", "Practitioner/d-1", "display", "Dr. Rao"), "status", "accepted"),
                        Map.of("actor", Map.of("reference", "Patient/p-42", "display", "Sunita Sharma"), "status",
                                "accepted"))));
        if (start != null) {
            resource.put("start", start);
        }
        return resource;
    }
}
