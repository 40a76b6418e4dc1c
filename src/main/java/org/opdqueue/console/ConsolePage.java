package org.opdqueue.console;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.staff.Role;
import org.opdqueue.web.Refused;

/**
 * The counter console: pick a counter, then call and serve from its queues. The page is a shell; its
 * script drives the JSON API with the staff member's log-in cookie, so the console and API clients share
 * one set of rules and one set of problem messages.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
@Transactional(Transactional.TxType.SUPPORTS)
public class ConsolePage {

    public record CounterChoice(long id, String code, String name, String state, String services) {
    }

    public record ServiceChoice(String code, String nameEn, String nameHi) {
    }

    public record CategoryChoice(String code, String nameEn, boolean priority) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance chooser(List<CounterChoice> counters, List<ServiceChoice> services,
                List<CategoryChoice> categories);

        static native TemplateInstance console(CounterChoice counter, List<ServiceChoice> services,
                List<CategoryChoice> categories);

        static native TemplateInstance noCounter(long counterId);
    }

    private final Facility facility;

    public ConsolePage(Facility facility) {
        this.facility = facility;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance chooser() {
        return Templates.chooser(Counter.listFor(facility.code()).stream().map(this::choiceOf).toList(), services(),
                categories());
    }

    @GET
    @Path("{counterId: [0-9]+}")
    @Operation(hidden = true)
    public Response console(@PathParam("counterId") long counterId) {
        return Counter.<Counter>findByIdOptional(counterId).filter(c -> facility.code().equals(c.facility))
                .map(c -> Response.ok(Templates.console(choiceOf(c), services(), categories())))
                .orElseGet(() -> Response.status(404).entity(Templates.noCounter(counterId)))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private CounterChoice choiceOf(Counter c) {
        String services = String.join(",", c.serviceIds().stream()
                .map(id -> ServicePoint.<ServicePoint>findById(id).code).sorted().toList());
        return new CounterChoice(c.id, c.code, c.name, c.state.name(), services);
    }

    private List<ServiceChoice> services() {
        return ServicePoint.<ServicePoint>list("facility = ?1 and active = true order by code", facility.code()).stream()
                .map(s -> new ServiceChoice(s.code, s.nameEn, s.nameHi)).toList();
    }

    private List<CategoryChoice> categories() {
        return PriorityCategory.offeredIn(facility.code()).stream()
                .map(c -> new CategoryChoice(c.code, c.nameEn, c.priority)).toList();
    }

    /** Every staff role works here; only a staff member who must first change their password is refused (and sent there). */
    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
