package org.opdqueue.abdm;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

import org.opdqueue.common.Facility;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.staff.Role;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.FormSave;
import org.opdqueue.web.Refused;

/**
 * The Scan & Share admin page: the hospital's ABDM settings and a printable counter QR code per service. The QR
 * code holds ABDM's share link with this hospital's HIP id and the service code as the counter id, which the
 * gateway sends back as {@code metaData.context}.
 */
@Path("/admin/abdm")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
@Transactional(Transactional.TxType.SUPPORTS)
public class AdminAbdm {

    /** One service's counter QR code; {@code link} is null until the HIP id is known. */
    public record CounterQr(String code, String nameEn, String nameHi, String link) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(AbdmForm form, FieldErrors errors, String secretState, String bridgeUrl,
                List<CounterQr> codes, boolean saved);
    }

    private final Facility facility;
    private final SecretBox secrets;
    private final Journal journal;
    private final SecurityIdentity admin;

    public AdminAbdm(Facility facility, SecretBox secrets, Journal journal, SecurityIdentity admin) {
        this.facility = facility;
        this.secrets = secrets;
        this.journal = journal;
        this.admin = admin;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@QueryParam("saved") boolean saved, @Context UriInfo uri) {
        AbdmSettings s = current();
        return page(s, AbdmForm.of(s), FieldErrors.none(), uri, saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@BeanParam AbdmForm form, @Context UriInfo uri) {
        FieldErrors errors = FormSave.run(() -> {
            AbdmSettings s = AbdmSettings.<AbdmSettings>findByIdOptional(facility.code()).orElse(null);
            boolean isNew = s == null;
            if (isNew) {
                s = AbdmSettings.fresh(facility.code());
            }
            FieldErrors found = form.applyTo(s, secrets);
            if (!found.isEmpty()) {
                return found;
            }
            s.updatedAt = Instant.now();
            s.updatedBy = admin.getPrincipal().getName();
            if (isNew) {
                s.persist();
            }
            // never the secret itself: only that one was set
            journal.append(JournalEventType.SETUP_CHANGED, JournalEntryBuilder.system().actor(s.updatedBy)
                    .detail("ABDM Scan & Share " + (s.enabled ? "on" : "off") + ", " + s.environment + ", HIP " + s.hipId
                            + (form.clientSecret == null || form.clientSecret.isBlank() ? "" : ", client secret set")));
            return found;
        }, Map.of());
        if (!errors.isEmpty()) {
            form.clientSecret = null;
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(current(), form, errors, uri, false)).build();
        }
        return Response.seeOther(URI.create("/admin/abdm?saved=true")).build();
    }

    private AbdmSettings current() {
        return AbdmSettings.of(facility.code()).orElseGet(() -> AbdmSettings.fresh(facility.code()));
    }

    private TemplateInstance page(AbdmSettings saved, AbdmForm form, FieldErrors errors, UriInfo uri, boolean justSaved) {
        String secretState = saved.clientSecretSealed == null ? "none"
                : secrets.open(saved.clientSecretSealed).isPresent() ? "set" : "unreadable";
        String hip = saved.hipId;
        List<CounterQr> codes = ServicePoint.<ServicePoint>list("facility = ?1 and active = true order by displayOrder, code",
                facility.code()).stream().map(sp -> new CounterQr(sp.code, sp.nameEn, sp.nameHi,
                        hip == null ? null : saved.environment.shareLink(hip, sp.code))).toList();
        String bridge = uri.getBaseUri().toString().replaceAll("/$", "");
        return Templates.page(form, errors, secretState, bridge, codes, justSaved);
    }

    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
