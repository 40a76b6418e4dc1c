package org.opdqueue.notify;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.staff.Role;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.Fields;
import org.opdqueue.web.Refused;

/**
 * Notifications set-up and log: the SMS gateway's settings as configured (its key never shown), the number of places
 * ahead per service, webhook endpoints (a new one's secret shown once), the latest deliveries with a replay button.
 */
@Path("/admin/notifications")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
@Transactional(Transactional.TxType.SUPPORTS)
public class AdminNotifications {

    static final int LOG_LINES = 100;

    /** One service's row of the places form. */
    public record ServicePlaces(long id, String code, String nameEn, int places, boolean own) {
        /** The form field of the service's number. */
        public String field() {
            return "places-" + code;
        }
    }

    /** The SMS settings as the page shows them: the key only as whether it is set. */
    public record SmsView(boolean on, String url, String method, String params, boolean keySet, String sender,
            String turnNearEn, String turnNearHi, String calledEn, String calledHi) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(SmsView sms, int defaultPlaces, List<ServicePlaces> services,
                List<WebhookEndpoint> endpoints, List<Notifications.LogLine> log, String saved, String newSecret,
                String newSecretFor, FieldErrors errors, String name, String url, java.time.ZoneId zone);
    }

    private final Facility facility;
    private final Notifications notifications;
    private final NotifyPlaces places;
    private final NotifyConfig config;
    private final SmsSender sms;
    private final SecurityIdentity admin;
    private final HospitalClock clock;

    public AdminNotifications(Facility facility, Notifications notifications, NotifyPlaces places, NotifyConfig config,
            SmsSender sms, SecurityIdentity admin, HospitalClock clock) {
        this.clock = clock;
        this.facility = facility;
        this.notifications = notifications;
        this.places = places;
        this.config = config;
        this.sms = sms;
        this.admin = admin;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@QueryParam("saved") String saved) {
        return page(saved, null, null, FieldErrors.none(), null, null);
    }

    private TemplateInstance page(String saved, String secret, String secretFor, FieldErrors errors, String name,
            String url) {
        NotifyConfig.Sms s = config.sms();
        SmsView smsView = new SmsView(sms.configured(), s.url().orElse(null), s.method(), s.params(),
                s.apiKey().filter(k -> !k.isBlank()).isPresent(), s.sender(), s.turnNearEn(), s.turnNearHi(),
                s.calledEn(), s.calledHi());
        Map<Long, Integer> own = places.own();
        List<ServicePlaces> services = ServicePoint.<ServicePoint>list("facility = ?1 and active = true order by code",
                facility.code()).stream()
                .map(sp -> new ServicePlaces(sp.id, sp.code, sp.nameEn, own.getOrDefault(sp.id, places.defaultPlaces()),
                        own.containsKey(sp.id)))
                .toList();
        return Templates.page(smsView, places.defaultPlaces(), services, WebhookEndpoint.ofFacility(facility.code()),
                notifications.recent(LOG_LINES), saved, secret, secretFor, errors, name, url, clock.zone());
    }

    @POST
    @Path("places")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response savePlaces(MultivaluedMap<String, String> form) {
        FieldErrors errors = FieldErrors.none();
        Fields fields = new Fields(errors);
        List<ServicePoint> services = ServicePoint.list("facility = ?1 and active = true", facility.code());
        Map<Long, Integer> chosen = new java.util.HashMap<>();
        for (ServicePoint sp : services) {
            String value = form.getFirst("places-" + sp.code);
            if (value != null) {
                Integer n = fields.number("places-" + sp.code, value, 0, NotifyPlaces.MOST);
                if (n != null) {
                    chosen.put(sp.id, n);
                }
            }
        }
        if (!errors.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(null, null, null, errors, null, null)).build();
        }
        QuarkusTransaction.requiringNew().run(() -> chosen.forEach(places::set));
        return Response.seeOther(URI.create("/admin/notifications?saved=places")).build();
    }

    @POST
    @Path("endpoints")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response addEndpoint(MultivaluedMap<String, String> form) {
        FieldErrors errors = FieldErrors.none();
        Fields fields = new Fields(errors);
        String name = fields.required("name", form.getFirst("name"), 100);
        String url = fields.required("url", form.getFirst("url"), 500);
        if (url != null && !validUrl(url)) {
            errors.add("url", "Must be an http:// or https:// address.");
        }
        if (name != null && WebhookEndpoint.count("facility = ?1 and name = ?2", facility.code(), name) > 0) {
            errors.add("name", "Another webhook already has this name.");
        }
        if (!errors.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(null, null, null, errors, form.getFirst("name"), form.getFirst("url"))).build();
        }
        WebhookEndpoint added = notifications.addEndpoint(name, url, admin.getPrincipal().getName());
        // The secret is on this answer only: a reload or a later visit shows it no more.
        return Response.ok(page("endpoint", added.secret, added.name, FieldErrors.none(), null, null))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("endpoints/{id: [0-9]+}/{state: on|off}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response switchEndpoint(@PathParam("id") long id, @PathParam("state") String state) {
        notifications.setActive(id, "on".equals(state), admin.getPrincipal().getName());
        return Response.seeOther(URI.create("/admin/notifications?saved=endpoint")).build();
    }

    @POST
    @Path("deliveries/{id: [0-9]+}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response replay(@PathParam("id") long id) {
        notifications.replay(id, admin.getPrincipal().getName());
        return Response.seeOther(URI.create("/admin/notifications?saved=replay")).build();
    }

    private static boolean validUrl(String url) {
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
