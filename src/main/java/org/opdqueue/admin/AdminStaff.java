package org.opdqueue.admin;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.staff.Passwords;
import org.opdqueue.staff.Role;
import org.opdqueue.staff.StaffUser;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.FormSave;
import org.opdqueue.web.Refused;

/** Staff accounts: create, change role, reset a password, deactivate. Accounts are never deleted. */
@Path("/admin/staff")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
@Transactional(Transactional.TxType.SUPPORTS)
public class AdminStaff {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<StaffUser> users, String saved);

        static native TemplateInstance form(Long id, StaffForm form, FieldErrors errors, FieldErrors passwordErrors);
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final Passwords passwords;
    private final SecurityIdentity admin;
    private final Journal journal;

    public AdminStaff(Facility facility, HospitalClock clock, Passwords passwords, SecurityIdentity admin,
            Journal journal) {
        this.facility = facility;
        this.clock = clock;
        this.passwords = passwords;
        this.admin = admin;
        this.journal = journal;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("saved") String saved) {
        return Templates.list(StaffUser.listFor(facility.code()), saved);
    }

    @GET
    @Path("new")
    @Operation(hidden = true)
    public TemplateInstance create() {
        return Templates.form(null, StaffForm.blank(), FieldErrors.none(), FieldErrors.none());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(hidden = true)
    public TemplateInstance edit(@PathParam("id") long id) {
        return Templates.form(id, StaffForm.of(find(id)), FieldErrors.none(), FieldErrors.none());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@BeanParam StaffForm form) {
        return save(null, form);
    }

    @POST
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@PathParam("id") long id, @BeanParam StaffForm form) {
        form.username = find(id).username;
        return save(id, form);
    }

    @POST
    @Path("{id: [0-9]+}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response resetPassword(@PathParam("id") long id, @RestForm String password) {
        StaffUser user = find(id);
        FieldErrors errors = FieldErrors.none();
        StaffForm.checkPassword(password, errors);
        if (!errors.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.form(id, StaffForm.of(user), FieldErrors.none(), errors)).build();
        }
        String hash = passwords.hash(password);
        String by = admin.getPrincipal().getName();
        FormSave.run(() -> {
            StaffUser u = find(id);
            u.passwordHash = hash;
            // a password someone else chose is changed at the next log-in; an admin's own choice for themselves is not
            u.mustChangePassword = !u.username.equals(by);
            u.endSessions(); // whoever knew the old password and logged in with it is out
            journal.append(JournalEventType.STAFF_PASSWORD_SET, JournalEntryBuilder.system().actor(by).detail("password of "
                    + u.username + " set by " + by + (u.mustChangePassword ? "; to be changed at the next log-in" : "")));
            return FieldErrors.none();
        }, Map.of());
        return Response.seeOther(URI.create("/admin/staff?saved=" + user.username + "+(new+password)")).build();
    }

    private Response save(Long id, StaffForm form) {
        String hash = id == null && form.password != null && form.password.length() >= 8 ? passwords.hash(form.password) : null;
        FieldErrors errors = FormSave.run(() -> {
            StaffUser u = id == null ? new StaffUser() : find(id);
            Role roleBefore = u.role;
            boolean activeBefore = u.active;
            FieldErrors found = form.applyTo(u, id == null, id != null && u.username.equals(admin.getPrincipal().getName()));
            if (found.isEmpty() && id == null) {
                u.facility = facility.code();
                u.passwordHash = hash;
                u.createdAt = clock.now();
                u.persist();
                record(JournalEventType.STAFF_CREATED, "staff " + u.username + " created with role " + u.role);
            } else if (found.isEmpty()) {
                recordChanges(u, roleBefore, activeBefore);
            }
            return found;
        }, Map.of("uk_staff_username", new FormSave.Taken("username", "This user name is taken.")));
        if (!errors.isEmpty()) {
            form.password = null; // never sent back to the browser
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.form(id, form, errors, FieldErrors.none())).build();
        }
        return Response.seeOther(URI.create("/admin/staff?saved=" + form.username.strip().toLowerCase())).build();
    }

    /** A new role or a deactivation counts for open sessions too: they end, and the change is journaled. */
    private void recordChanges(StaffUser u, Role roleBefore, boolean activeBefore) {
        if (u.role != roleBefore) {
            u.endSessions();
            record(JournalEventType.STAFF_ROLE_CHANGED, "role of " + u.username + " changed from " + roleBefore + " to "
                    + u.role);
        }
        if (u.active != activeBefore) {
            u.endSessions();
            record(u.active ? JournalEventType.STAFF_REACTIVATED : JournalEventType.STAFF_DEACTIVATED,
                    "staff " + u.username + (u.active ? " reactivated" : " deactivated"));
        }
    }

    private void record(JournalEventType type, String detail) {
        journal.append(type, JournalEntryBuilder.system().actor(admin.getPrincipal().getName()).detail(detail));
    }

    private StaffUser find(long id) {
        return StaffUser.findInFacility(facility.code(), id).orElseThrow(NotFoundException::new);
    }

    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
