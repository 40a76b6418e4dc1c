package org.opdqueue.admin;

import java.net.URI;
import java.util.ArrayList;
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

import org.opdqueue.common.Facility;
import org.opdqueue.counter.Counter;
import org.opdqueue.counter.CounterService;
import org.opdqueue.counter.CounterState;
import org.opdqueue.display.DisplaySnapshots;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.staff.Role;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.FormSave;
import org.opdqueue.web.Option;
import org.opdqueue.web.Refused;

/** Counters and rooms, and which services each one calls from. */
@Path("/admin/counters")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
@Transactional(Transactional.TxType.SUPPORTS)
public class AdminCounters {

    public record Row(long id, String code, String name, String state, String services) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Row> counters, String saved);

        static native TemplateInstance form(Long id, CounterForm form, List<Option> serviceOptions, FieldErrors errors);
    }

    private final Facility facility;
    private final DisplaySnapshots snapshots;

    public AdminCounters(Facility facility, DisplaySnapshots snapshots) {
        this.facility = facility;
        this.snapshots = snapshots;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("saved") String saved) {
        return Templates.list(Counter.listFor(facility.code()).stream()
                .map(c -> new Row(c.id, c.code, c.name, c.state.name(), String.join(", ", codesOf(c)))).toList(), saved);
    }

    @GET
    @Path("new")
    @Operation(hidden = true)
    public TemplateInstance create() {
        return page(null, new CounterForm(), FieldErrors.none());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(hidden = true)
    public TemplateInstance edit(@PathParam("id") long id) {
        Counter c = find(id);
        return page(id, CounterForm.of(c, codesOf(c)), FieldErrors.none());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@BeanParam CounterForm form) {
        return save(null, form);
    }

    @POST
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@PathParam("id") long id, @BeanParam CounterForm form) {
        form.code = find(id).code;
        return save(id, form);
    }

    /** The counter and all its service links in one transaction; a new counter starts CLOSED. */
    private Response save(Long id, CounterForm form) {
        FieldErrors errors = FormSave.run(() -> {
            Counter c = id == null ? new Counter() : find(id);
            List<ServicePoint> chosen = new ArrayList<>();
            FieldErrors found = form.applyTo(c, id == null, facility.code(), chosen);
            if (!found.isEmpty()) {
                return found;
            }
            if (id == null) {
                c.facility = facility.code();
                c.state = CounterState.CLOSED;
                c.persist();
            } else {
                CounterService.delete("counterId", c.id);
            }
            chosen.forEach(s -> CounterService.of(facility.code(), c.id, s.id).persist());
            return found;
        }, Map.of("uk_counter_code", new FormSave.Taken("code", "Another counter already has this code.")));
        if (!errors.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(id, form, errors)).build();
        }
        snapshots.forgetNames();
        return Response.seeOther(URI.create("/admin/counters?saved=" + form.code.strip().toUpperCase())).build();
    }

    private TemplateInstance page(Long id, CounterForm form, FieldErrors errors) {
        List<Option> options = ServicePoint.<ServicePoint>list("facility = ?1 order by code", facility.code()).stream()
                .map(s -> Option.of(s.code, s.code + " · " + s.nameEn, form.services)).toList();
        return Templates.form(id, form, options, errors);
    }

    private static List<String> codesOf(Counter c) {
        return c.serviceIds().stream().map(sid -> ServicePoint.<ServicePoint>findById(sid).code).sorted().toList();
    }

    private Counter find(long id) {
        Counter c = Counter.findById(id);
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
