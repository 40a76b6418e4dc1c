package org.opdqueue.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.counter.CounterState;
import org.opdqueue.journal.WaitingCounts;
import org.opdqueue.token.Channel;
import org.opdqueue.token.IssueTokenRequest;
import org.opdqueue.token.NumberSeries;
import org.opdqueue.token.PatientDetails;
import org.opdqueue.token.PatientJson;
import org.opdqueue.token.Token;

/**
 * Writes a rebuilt day into a database that holds the set-up only (imported from the set-up file): the tokens with
 * their own ids (so the journal's token ids still name them), the request ids that made them (so a kiosk retrying an
 * answered request gets its token, not a second one), and every number ever given marked as taken, so none is given
 * again: the online number rows, the paper number rows, and a block per kiosk series for what its kiosk merged.
 * <p>
 * Services, counters and kiosks are found by code, never by the ids the journal names: the set-up file names them by
 * code, and the new database gave them ids of its own when it was imported, in whatever order that was.
 */
@ApplicationScoped
@Transactional
public class DayRestore {

    /** What was written. {@code skipped} says what could not be, and why (a kiosk no longer in the set-up). */
    public record Restored(int tokens, int requestIds, int numberRows, int counters, List<String> skipped) {
    }

    private static final int ROWS_PER_INSERT = 200;

    private final EntityManager em;
    private final Facility facility;
    private final HospitalClock clock;

    public DayRestore(EntityManager em, Facility facility, HospitalClock clock) {
        this.em = em;
        this.facility = facility;
        this.clock = clock;
    }

    public Restored restore(RebuiltDay day) {
        Number existing = (Number) em.createNativeQuery("SELECT COUNT(*) FROM token WHERE facility = ?1")
                .setParameter(1, facility.code()).getSingleResult();
        if (existing.longValue() > 0) {
            throw new IllegalStateException("the database already holds " + existing + " tokens of " + facility.code()
                    + ": a day is restored into a database that holds the set-up only");
        }
        Map<String, Long> services = ids("service_point");
        Map<String, Long> counters = ids("counter");
        Map<String, Long> devices = ids("device");
        List<String> skipped = new ArrayList<>();
        insertTokens(day.tokens(), code -> required(services, code, "service"), code -> required(counters, code, "counter"));
        int requestIds = insertRequestIds(day.tokens());
        int numberRows = markNumbersTaken(day, services, devices, skipped);
        int counterRows = 0;
        for (Map.Entry<String, CounterState> c : day.counterStates().entrySet()) {
            counterRows += em.createNativeQuery("UPDATE counter SET state = ?1 WHERE facility = ?2 AND code = ?3")
                    .setParameter(1, c.getValue().name()).setParameter(2, facility.code()).setParameter(3, c.getKey())
                    .executeUpdate();
        }
        // the tokens were written without journaling them again, so their queues are counted afresh
        em.unwrap(Session.class).doWork(c -> WaitingCounts.recount(c, facility.code()));
        return new Restored(day.tokens().size(), requestIds, numberRows, counterRows, List.copyOf(skipped));
    }

    private Map<String, Long> ids(String table) {
        Map<String, Long> ids = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT code, id FROM " + table + " WHERE facility = ?1")
                .setParameter(1, facility.code()).getResultList();
        rows.forEach(r -> ids.put((String) r[0], ((Number) r[1]).longValue()));
        return ids;
    }

    private static Long required(Map<String, Long> ids, String code, String what) {
        if (code == null) {
            return null;
        }
        Long id = ids.get(code);
        if (id == null) {
            throw new IllegalStateException("the journal names " + what + " " + code + ", which the imported set-up "
                    + "does not have: import the set-up file archived with the journal first");
        }
        return id;
    }

    private void insertTokens(List<RebuiltDay.RebuiltToken> tokens, Function<String, Long> service,
            Function<String, Long> counter) {
        String columns = "(id, facility, public_code, business_day, number_service_id, number_series, number, "
                + "display_number, service_id, priority, is_priority, channel, status, issued_at, queued_at, called_at, "
                + "started_at, completed_at, counter_id, call_count, patient_name, patient_age, patient_sex, "
                + "patient_mobile, patient_abha, patient_uhid, degraded, device_id, device_time, received_at, "
                + "reservation_unknown, version, notify_consent, notify_language, estimated_wait_at_issue)";
        inChunks(tokens, chunk -> {
            List<Object> values = new ArrayList<>();
            for (RebuiltDay.RebuiltToken t : chunk) {
                PatientDetails p = PatientJson.read(t.patient());
                values.addAll(Arrays.asList(t.id(), facility.code(),
                        t.publicCode() == null ? Token.newPublicCode() : t.publicCode(),
                        t.businessDay(), service.apply(t.numberServiceCode()), t.numberSeries(), t.number(),
                        t.displayNumber(), service.apply(t.serviceCode()), t.priority(), t.priorityLane(),
                        t.channel().name(), t.status().name(), t.issuedAt(), t.queuedAt(), t.calledAt(), t.startedAt(),
                        t.completedAt(), counter.apply(t.counterCode()), t.callCount(), p.name(), p.age(),
                        p.sex() == null ? null : p.sex().name(), p.mobile(), p.abha(), p.uhid(), t.degraded(),
                        t.deviceId(), t.deviceTime(), t.receivedAt(), t.reservationUnknown(), 0,
                        p.consentsToMessages(), p.consentsToMessages() ? p.language() : null, t.estimatedWaitAtIssue()));
            }
            insert("INSERT INTO token " + columns + " VALUES ", 35, chunk.size(), values);
        });
    }

    /**
     * The request id of each online and offline-kiosk token, with the fingerprint its request had: the same
     * {@link IssueTokenRequest#fingerprint()}, made again from what the token holds. Paper tokens are told apart by
     * their slip, not by a request id.
     */
    private int insertRequestIds(List<RebuiltDay.RebuiltToken> tokens) {
        List<RebuiltDay.RebuiltToken> withIds = tokens.stream()
                .filter(t -> t.requestId() != null && t.channel() != Channel.PAPER).toList();
        inChunks(withIds, chunk -> {
            List<Object> values = new ArrayList<>();
            for (RebuiltDay.RebuiltToken t : chunk) {
                boolean offline = t.channel() == Channel.OFFLINE_KIOSK;
                String fingerprint = new IssueTokenRequest(UUID.fromString(t.requestId()), t.numberServiceCode(),
                        t.priority(), t.channel(), PatientJson.read(t.patient()), offline ? t.deviceId() : null,
                        offline ? t.offlineNumber() : null, offline ? t.deviceTime() : null).fingerprint();
                values.addAll(List.of(facility.code(), t.requestId(), fingerprint, t.id(),
                        Objects.requireNonNullElse(t.receivedAt(), t.issuedAt())));
            }
            insert("INSERT INTO idempotency_key (facility, request_id, body_hash, token_id, created_at) VALUES ", 5,
                    chunk.size(), values);
        });
        return withIds.size();
    }

    /** Every number the journal shows given is taken in the new database too: never given to a second patient. */
    private int markNumbersTaken(RebuiltDay day, Map<String, Long> services, Map<String, Long> devices,
            List<String> skipped) {
        int rows = 0;
        Map<Long, Integer> paper = new HashMap<>();
        for (RebuiltDay.HighestNumber n : day.highestNumbers()) {
            Long serviceId = required(services, n.serviceCode(), "service");
            if (NumberSeries.ONLINE.equals(n.series())) {
                rows += em.createNativeQuery("""
                        INSERT INTO token_number_sequence (facility, business_day, service_id, last_number)
                        VALUES (?1, ?2, ?3, ?4) ON DUPLICATE KEY UPDATE last_number = GREATEST(last_number, ?4)""")
                        .setParameter(1, facility.code()).setParameter(2, n.businessDay()).setParameter(3, serviceId)
                        .setParameter(4, n.number()).executeUpdate() > 0 ? 1 : 0;
            } else if (NumberSeries.PAPER.equals(n.series())) {
                paper.merge(serviceId, n.number(), Math::max); // paper numbers never restart, whatever the day
            }
        }
        for (Map.Entry<Long, Integer> p : paper.entrySet()) {
            rows += em.createNativeQuery("""
                    INSERT INTO paper_number_sequence (facility, service_id, last_number) VALUES (?1, ?2, ?3)
                    ON DUPLICATE KEY UPDATE last_number = GREATEST(last_number, ?3)""")
                    .setParameter(1, facility.code()).setParameter(2, p.getKey()).setParameter(3, p.getValue())
                    .executeUpdate() > 0 ? 1 : 0;
        }
        rows += reserveKioskNumbers(day.tokens(), services, devices, skipped);
        return rows;
    }

    /**
     * A kiosk's next offline block starts after the last number of its series it had given that day. The block is
     * granted now: an offline token merged into it later is queued from the restore, not from an earlier time.
     */
    private int reserveKioskNumbers(List<RebuiltDay.RebuiltToken> tokens, Map<String, Long> services,
            Map<String, Long> devices, List<String> skipped) {
        record Series(String device, String service, String series, LocalDate day) {
        }
        Map<Series, Integer> highest = new HashMap<>();
        tokens.stream().filter(t -> t.channel() == Channel.OFFLINE_KIOSK && t.deviceId() != null)
                .forEach(t -> highest.merge(new Series(t.deviceId(), t.numberServiceCode(), t.numberSeries(),
                        t.businessDay()), t.number(), Math::max));
        Instant now = clock.now();
        int rows = 0;
        for (Map.Entry<Series, Integer> h : highest.entrySet()) {
            Series s = h.getKey();
            Long device = devices.get(s.device());
            if (device == null) {
                skipped.add("kiosk " + s.device() + " is not in the set-up: numbers " + s.series() + "1-" + h.getValue()
                        + " of " + s.service() + " on " + s.day() + " are not marked reserved for it");
                continue;
            }
            rows += em.createNativeQuery("""
                    INSERT INTO offline_reserve (facility, device_id, service_id, business_day, number_series,
                                                 first_number, last_number, granted_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7)""").setParameter(1, facility.code()).setParameter(2, device)
                    .setParameter(3, required(services, s.service(), "service")).setParameter(4, s.day())
                    .setParameter(5, s.series()).setParameter(6, h.getValue()).setParameter(7, now).executeUpdate();
        }
        return rows;
    }

    private static <T> void inChunks(List<T> items, Consumer<List<T>> write) {
        for (int from = 0; from < items.size(); from += ROWS_PER_INSERT) {
            write.accept(items.subList(from, Math.min(items.size(), from + ROWS_PER_INSERT)));
        }
    }

    /** One INSERT of {@code rows} rows of {@code width} values each, bound in order. */
    private void insert(String head, int width, int rows, List<Object> values) {
        StringBuilder sql = new StringBuilder(head);
        int p = 1;
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < width; c++) {
                sql.append(c == 0 ? "?" : ", ?").append(p++);
            }
            sql.append(')');
        }
        Query insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            insert.setParameter(i + 1, values.get(i));
        }
        insert.executeUpdate();
    }
}
