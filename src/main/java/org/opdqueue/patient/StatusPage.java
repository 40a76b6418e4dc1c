package org.opdqueue.patient;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.counter.Counter;
import org.opdqueue.notify.Notifications;
import org.opdqueue.queue.QueueReads;
import org.opdqueue.queue.TokenViews;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenView;

/** {@code /t/{code}}: the page the QR code on the slip opens on the patient's phone, and the JSON it polls. */
@Path("/t")
@Tag(name = "Patient status page")
@Transactional(Transactional.TxType.SUPPORTS)
public class StatusPage {

    /** Public codes are URL-safe base64; anything else cannot be one, so it is not looked up. */
    private static final Pattern PUBLIC_CODE = Pattern.compile("[A-Za-z0-9_-]{8,32}");
    private static final int NOW_CALLING = 3;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(String code, PatientStatus token);

        static native TemplateInstance notFound();
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final TokenViews views;
    private final QueueReads reads;
    private final Notifications notifications;

    public StatusPage(Facility facility, HospitalClock clock, TokenViews views, QueueReads reads,
            Notifications notifications) {
        this.notifications = notifications;
        this.facility = facility;
        this.clock = clock;
        this.views = views;
        this.reads = reads;
    }

    @GET
    @Path("{code}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page(@PathParam("code") String code) {
        return find(code)
                .map(status -> Response.ok(Templates.page(code, status)))
                .orElseGet(() -> Response.status(404).entity(Templates.notFound()))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("{code}/state")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A token's live status by its public code, for the patient's phone (no personal data)")
    public PatientStatus state(@PathParam("code") String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("Token", "with this code"));
    }

    private Optional<PatientStatus> find(String code) {
        if (code == null || !PUBLIC_CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return Token.findByPublicCode(facility.code(), code).map(this::statusOf);
    }

    private PatientStatus statusOf(Token token) {
        TokenView view = views.of(token);
        ServicePoint service = ServicePoint.findById(token.serviceId);
        String counter = view.counter() == null ? null : view.counter().name();
        String counterHi = view.counter() == null ? null : Counter.<Counter>findByIdOptional(view.counter().id())
                .map(c -> c.nameHi).orElse(null);
        StatusWords.Words words = StatusWords.of(view.status(), counter, counterHi);
        return new PatientStatus(view.number(), service.code, service.nameEn, service.nameHi, service.roomHint,
                view.status().name(), words.en(), words.hi(), view.peopleAhead(), view.estimatedWaitMinutes(),
                counter, nowCalling(service), clock.now(), service.roomHintHi, messages(token));
    }

    /** "We will send an SMS when 5 are ahead of you", then "SMS sent at 10:42"; the number itself is never shown. */
    private PatientStatus.Messages messages(Token token) {
        Notifications.ForPatient n = notifications.forPatient(token);
        if (!n.promised()) {
            return null;
        }
        String en = n.sms() ? "SMS" : "message";
        String anEn = n.sms() ? "an SMS" : "a message";
        String hi = n.sms() ? "SMS" : "संदेश";
        if (n.calledSentAt() != null) {
            String at = hhmm(n.calledSentAt());
            return new PatientStatus.Messages("We sent you " + anEn + " at " + at + ": you are called.",
                    "हमने " + at + " पर " + hi + " भेजा: आपको बुलाया गया है।");
        }
        if (n.turnNearSentAt() != null) {
            String at = hhmm(n.turnNearSentAt());
            return new PatientStatus.Messages(capital(en) + " sent at " + at + ": your turn is near.",
                    hi + " " + at + " पर भेजा गया: आपकी बारी पास है।");
        }
        if (n.placesAhead() <= 0) {
            return new PatientStatus.Messages("We will send " + anEn + " when you are called.",
                    "बुलाए जाने पर हम " + hi + " भेजेंगे।");
        }
        return new PatientStatus.Messages(
                "We will send " + anEn + " when " + n.placesAhead() + " or fewer are ahead of you, and when you are called.",
                "जब आपसे पहले " + n.placesAhead() + " या कम लोग होंगे, और जब आपको बुलाया जाएगा, हम " + hi + " भेजेंगे।");
    }

    private String hhmm(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(clock.zone()));
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private List<PatientStatus.NowCalling> nowCalling(ServicePoint service) {
        List<Token> called = reads.nowCalling(service, NOW_CALLING);
        if (called.isEmpty()) {
            return List.of();
        }
        Map<Long, String> counters = Counter.<Counter>list("id in ?1", called.stream().map(t -> t.counterId).toList())
                .stream().collect(Collectors.toMap(c -> c.id, c -> c.name));
        return called.stream().map(t -> new PatientStatus.NowCalling(t.displayNumber, counters.get(t.counterId))).toList();
    }
}
