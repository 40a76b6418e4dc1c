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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

import org.opdqueue.common.Facility;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.staff.Role;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.FormSave;
import org.opdqueue.web.Refused;

/**
 * Priority categories: names in both languages, lane, order and picture on the kiosk. Never deleted: tokens
 * carry the code, so a category the hospital stops offering is deactivated and its tokens keep working.
 */
@Path("/admin/categories")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
@Transactional(Transactional.TxType.SUPPORTS)
public class AdminCategories {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<PriorityCategory> categories, String saved);

        static native TemplateInstance form(Long id, CategoryForm form, FieldErrors errors);
    }

    private final Facility facility;
    private final Journal journal;
    private final SecurityIdentity admin;

    public AdminCategories(Facility facility, Journal journal, SecurityIdentity admin) {
        this.facility = facility;
        this.journal = journal;
        this.admin = admin;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("saved") String saved) {
        return Templates.list(PriorityCategory.list("facility = ?1 order by active desc, sortOrder, code", facility.code()),
                saved);
    }

    @GET
    @Path("new")
    @Operation(hidden = true)
    public TemplateInstance create() {
        return Templates.form(null, CategoryForm.blank(), FieldErrors.none());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(hidden = true)
    public TemplateInstance edit(@PathParam("id") long id) {
        return Templates.form(id, CategoryForm.of(find(id)), FieldErrors.none());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@BeanParam CategoryForm form) {
        return save(null, form);
    }

    @POST
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@PathParam("id") long id, @BeanParam CategoryForm form) {
        form.code = find(id).code; // tokens carry the code: it never changes
        return save(id, form);
    }

    /** One transaction: the category and its journal entry are saved together or not at all. */
    private Response save(Long id, CategoryForm form) {
        FieldErrors errors = FormSave.run(() -> {
            FieldErrors found = FieldErrors.none();
            PriorityCategory c = id == null ? new PriorityCategory() : find(id);
            String changes = form.applyTo(c, id == null, found);
            if (changes == null) {
                return found;
            }
            if (id == null) {
                c.facility = facility.code();
                c.persist();
            }
            if (!changes.isEmpty()) {
                String what = "category " + c.code + (id == null ? " created: " : " updated: ") + changes;
                journal.append(JournalEventType.SETUP_CHANGED, JournalEntryBuilder.system()
                        .actor(admin.getPrincipal().getName()).detail(what.length() > 255 ? what.substring(0, 254) + "…" : what));
            }
            return found;
        }, Map.of("uk_priority_code", new FormSave.Taken("code", "Another category already has this code.")));
        if (!errors.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.form(id, form, errors)).build();
        }
        return Response.seeOther(URI.create("/admin/categories?saved=" + form.code.strip().toUpperCase())).build();
    }

    private PriorityCategory find(long id) {
        PriorityCategory c = PriorityCategory.findById(id);
        if (c == null || !facility.code().equals(c.facility)) {
            throw new NotFoundException();
        }
        return c;
    }

    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
