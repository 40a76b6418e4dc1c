package org.opdqueue.notify;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.token.Token;

/** What the admin page and the patient's status page ask about notifications, and the admin's changes to them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Notifications {

    /**
     * What the patient's phone says: whether a message is promised, at how many places ahead, and when the messages
     * went. {@code sms} when the hospital's own SMS gateway sends them (else its provider, behind a webhook, does).
     */
    public record ForPatient(boolean promised, int placesAhead, boolean sms, Instant turnNearSentAt, Instant calledSentAt) {
        public static final ForPatient NONE = new ForPatient(false, 0, false, null, null);
    }

    /** A line of the delivery log. */
    public record LogLine(Delivery delivery, String token, String targetName) {
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final NotifyPlaces places;
    private final SmsSender sms;
    private final Journal journal;

    public Notifications(Facility facility, HospitalClock clock, NotifyPlaces places, SmsSender sms, Journal journal) {
        this.facility = facility;
        this.clock = clock;
        this.places = places;
        this.sms = sms;
        this.journal = journal;
    }

    public ForPatient forPatient(Token token) {
        // consent first: the phones of patients who gave none poll this every few seconds and cost no query here
        if (!token.notifyConsent || token.patientMobile == null) {
            return ForPatient.NONE;
        }
        if (!sms.configured() && WebhookEndpoint.count("facility = ?1 and active = true", facility.code()) == 0) {
            return ForPatient.NONE;
        }
        List<Delivery> sent = Delivery.list("facility = ?1 and tokenId = ?2 and status = ?3 order by sentAt",
                facility.code(), token.id, Delivery.Status.SENT);
        Instant near = sent.stream().filter(d -> d.event == NotifyEvent.TURN_NEAR).map(d -> d.sentAt).findFirst().orElse(null);
        Instant called = sent.stream().filter(d -> d.event == NotifyEvent.CALLED).map(d -> d.sentAt).findFirst().orElse(null);
        return new ForPatient(true, places.of(token.serviceId), sms.configured(), near, called);
    }

    public List<LogLine> recent(int most) {
        List<Delivery> deliveries = Delivery.find("facility = ?1 order by id desc", facility.code()).page(0, most).list();
        return deliveries.stream().map(d -> {
            Token t = Token.findById(d.tokenId);
            WebhookEndpoint e = d.endpointId() == null ? null : WebhookEndpoint.findById(d.endpointId());
            return new LogLine(d, t == null ? "#" + d.tokenId : t.displayNumber,
                    d.isSms() ? "SMS gateway" : e == null ? d.target : e.name);
        }).toList();
    }

    /** Sends a delivery again at once, as it was made, whatever became of it (journaled with the admin). */
    @Transactional
    public Delivery replay(long id, String admin) {
        Delivery d = Delivery.findById(id);
        if (d == null || !facility.code().equals(d.facility)) {
            throw ProblemException.notFound("Notification", id);
        }
        d.status = Delivery.Status.PENDING;
        d.nextAttemptAt = clock.now();
        d.attempts = 0;
        d.replayedBy = admin;
        journal.append(JournalEventType.SETUP_CHANGED, JournalEntryBuilder.system().actor(admin)
                .detail("notification " + id + " (" + d.event + " of token " + d.tokenId + " to " + d.target + ") sent again"));
        return d;
    }

    /** A new endpoint, active at once; its secret is in the answer and never again. */
    @Transactional
    public WebhookEndpoint addEndpoint(String name, String url, String admin) {
        WebhookEndpoint e = new WebhookEndpoint();
        e.facility = facility.code();
        e.name = name;
        e.url = url;
        e.secret = WebhookEndpoint.newSecret();
        e.active = true;
        e.createdAt = clock.now();
        e.persist();
        journal.append(JournalEventType.SETUP_CHANGED, JournalEntryBuilder.system().actor(admin)
                .detail("notification webhook " + name + " added"));
        return e;
    }

    @Transactional
    public void setActive(long id, boolean active, String admin) {
        WebhookEndpoint e = WebhookEndpoint.findById(id);
        if (e == null || !facility.code().equals(e.facility)) {
            throw ProblemException.notFound("Webhook", id);
        }
        if (e.active != active) {
            e.active = active;
            journal.append(JournalEventType.SETUP_CHANGED, JournalEntryBuilder.system().actor(admin)
                    .detail("notification webhook " + e.name + (active ? " switched on" : " switched off")));
        }
    }
}
