package org.opdqueue.appointment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.Problem;
import org.opdqueue.common.Transactions;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.Token;

/**
 * Saves imported appointments, each by its number: a new number adds one, a known number is updated (a moved slot,
 * a cancellation). All or nothing: one bad row (an unknown service, a number twice) refuses the whole import, naming
 * every bad row, so a fixed file can simply be sent again. A checked-in appointment keeps its token. An import is
 * journaled with who sent it, as every admin action is: imported rows decide who may check in ahead of the queue.
 */
@ApplicationScoped
public class AppointmentImport {

    /** What an import did. */
    public record Imported(int added, int updated, int cancelled) {
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final Transactions transactions;
    private final Journal journal;

    public AppointmentImport(Facility facility, HospitalClock clock, Transactions transactions, Journal journal) {
        this.facility = facility;
        this.clock = clock;
        this.transactions = transactions;
        this.journal = journal;
    }

    /** A CSV file uploaded by {@code actor}. */
    public Imported csv(String text, String actor) {
        return save(AppointmentCsv.read(text, clock.zone()), "a CSV file", actor);
    }

    /** Our JSON or FHIR R4, sent by {@code actor} (an admin, or the booking portal with its key). */
    public Imported json(com.fasterxml.jackson.databind.JsonNode body, String actor) {
        List<AppointmentRow> rows = AppointmentJson.read(body, clock.zone());
        return save(rows, body.has("resourceType") ? "FHIR R4 JSON" : "JSON", actor);
    }

    private Imported save(List<AppointmentRow> rows, String source, String actor) {
        // Two portals importing one new number at once: the loser's run finds the winner's row and updates it.
        return transactions.runOrReplay(() -> {
            Imported done = saveOnce(rows);
            journal.append(JournalEventType.APPOINTMENTS_IMPORTED, JournalEntryBuilder.system().actor(actor)
                    .detail("appointments imported from " + source + " by " + actor + ": " + rows.size()
                            + (rows.size() == 1 ? " row (" : " rows (") + done.added() + " added, " + done.updated()
                            + " updated, " + done.cancelled() + " cancelled)"));
            return done;
        }, Transactions.LostRace.DUPLICATE_KEY);
    }

    private Imported saveOnce(List<AppointmentRow> rows) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Optional<ServicePoint>> services = new HashMap<>();
        Map<String, String> seen = new HashMap<>();
        for (AppointmentRow row : rows) {
            Optional<ServicePoint> service = services.computeIfAbsent(row.serviceCode(),
                    code -> ServicePoint.findByCode(facility.code(), code).filter(s -> s.active));
            if (service.isEmpty()) {
                errors.add(new Problem.FieldError(row.where() + row.serviceField(),
                        "no active service has the code " + row.serviceCode()));
            }
            String first = seen.putIfAbsent(row.number(), row.where());
            if (first != null) {
                errors.add(new Problem.FieldError(row.where() + row.numberField(),
                        "appointment " + row.number() + " is also at " + first.strip()));
            }
        }
        if (!errors.isEmpty()) {
            throw AppointmentCsv.refused(errors);
        }
        int added = 0;
        int updated = 0;
        int cancelled = 0;
        for (AppointmentRow row : rows) {
            Appointment a = Appointment.findByNumber(facility.code(), row.number()).orElse(null);
            if (a == null) {
                a = new Appointment();
                a.facility = facility.code();
                a.number = row.number();
                a.choiceCode = Token.newPublicCode();
                added++;
            } else {
                updated++;
            }
            a.serviceId = services.get(row.serviceCode()).orElseThrow().id;
            a.slotStart = row.slotStart();
            a.businessDay = clock.businessDayOf(row.slotStart());
            a.patientName = row.patientName();
            a.patientMobile = row.mobile();
            a.patientRef = row.patientRef();
            a.cancelled = row.cancelled();
            a.importedAt = clock.now();
            if (a.id == null) {
                a.persist();
            }
            cancelled += row.cancelled() ? 1 : 0;
        }
        return new Imported(added, updated, cancelled);
    }
}
