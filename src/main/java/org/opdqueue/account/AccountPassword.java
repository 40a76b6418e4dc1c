package org.opdqueue.account;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

import org.opdqueue.common.Facility;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.staff.PasswordRules;
import org.opdqueue.staff.Passwords;
import org.opdqueue.staff.Role;
import org.opdqueue.staff.SessionClaim;
import org.opdqueue.staff.StaffSessions;
import org.opdqueue.staff.StaffUser;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.FormSave;

/**
 * A staff member changes their own password: when they choose to, and before anything else when the password
 * was chosen by someone else (the bootstrap administrator's, or one an admin set).
 */
@Path(PasswordRules.CHANGE_PAGE)
@Produces(MediaType.TEXT_HTML)
@Authenticated
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountPassword {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(boolean required, FieldErrors errors);
    }

    private final Facility facility;
    private final Passwords passwords;
    private final Journal journal;
    private final SecurityIdentity identity;
    private final StaffSessions sessions;

    public AccountPassword(Facility facility, Passwords passwords, Journal journal, SecurityIdentity identity,
            StaffSessions sessions) {
        this.facility = facility;
        this.passwords = passwords;
        this.journal = journal;
        this.identity = identity;
        this.sessions = sessions;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance form() {
        return Templates.form(me().mustChangePassword, FieldErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response change(@RestForm String currentPassword, @RestForm String newPassword, @RestForm String repeatPassword,
            RoutingContext routing) {
        StaffUser me = me();
        FieldErrors errors = FieldErrors.none();
        if (!passwords.matches(currentPassword, me.passwordHash)) {
            errors.add("currentPassword", "Wrong password.");
        }
        PasswordRules.problemWith(newPassword).ifPresent(problem -> errors.add("newPassword", problem));
        if (Objects.equals(newPassword, currentPassword)) {
            errors.add("newPassword", "Must differ from the current password.");
        }
        if (!Objects.equals(newPassword, repeatPassword)) {
            errors.add("repeatPassword", "Does not match the new password.");
        }
        if (!errors.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.form(me.mustChangePassword, errors)).build();
        }
        String hash = passwords.hash(newPassword); // slow on purpose: outside the transaction
        AtomicInteger generation = new AtomicInteger();
        FormSave.run(() -> {
            StaffUser user = me();
            boolean required = user.mustChangePassword;
            user.passwordHash = hash;
            user.mustChangePassword = false;
            user.endSessions(); // every other session (another PC, a stolen cookie) ends; this browser gets a new one
            generation.set(user.sessionGeneration);
            journal.append(JournalEventType.STAFF_PASSWORD_SET, JournalEntryBuilder.system().actor(user.username)
                    .detail("staff " + user.username + " changed their password" + (required ? " (required)" : "")));
            return FieldErrors.none();
        }, Map.of());
        if (identity.getAttribute(SessionClaim.ATTRIBUTE) != null) {
            sessions.start(me.username, generation.get(), Instant.now(), routing);
        }
        return Response.seeOther(URI.create(me.role == Role.ADMIN ? "/admin" : "/console")).build();
    }

    private StaffUser me() {
        return StaffUser.findByUsername(facility.code(), identity.getPrincipal().getName()).orElseThrow(NotFoundException::new);
    }
}
