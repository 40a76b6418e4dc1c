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
import org.opdqueue.common.HospitalClock;
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

        /** The state in plain words, as the console's script says it (pages/console-view.js). */
        public String stateWords() {
            return switch (state) {
                case "OPEN" -> "Open / खुला";
                case "PAUSED" -> "Paused / रुका हुआ";
                default -> "Closed / बंद";
            };
        }
    }

    /** {@code roomHint}, {@code roomHintHi}: what the walk-in's slip says about where to go. */
    public record ServiceChoice(String code, String nameEn, String nameHi, String roomHint, String roomHintHi) {
    }

    public record CategoryChoice(String code, String nameEn, boolean priority, String nameHi) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance chooser(List<CounterChoice> counters, List<ServiceChoice> services,
                List<CategoryChoice> categories, String timeZone);

        static native TemplateInstance console(CounterChoice counter, List<ServiceChoice> services,
                List<CategoryChoice> categories, String timeZone);

        static native TemplateInstance noCounter(long counterId);
    }

    private final Facility facility;
    private final HospitalClock clock;

    public ConsolePage(Facility facility, HospitalClock clock) {
        this.facility = facility;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance chooser() {
        return Templates.chooser(Counter.listFor(facility.code()).stream().map(this::choiceOf).toList(), services(),
                categories(), clock.zone().getId());
    }

    @GET
    @Path("{counterId: [0-9]+}")
    @Operation(hidden = true)
    public Response console(@PathParam("counterId") long counterId) {
        return Counter.<Counter>findByIdOptional(counterId).filter(c -> facility.code().equals(c.facility))
                .map(c -> Response.ok(Templates.console(choiceOf(c), services(), categories(), clock.zone().getId())))
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
                .map(s -> new ServiceChoice(s.code, s.nameEn, s.nameHi, s.roomHint, s.roomHintHi)).toList();
    }

    private List<CategoryChoice> categories() {
        return PriorityCategory.offeredIn(facility.code()).stream()
                .map(c -> new CategoryChoice(c.code, c.nameEn, c.priority, c.nameHi)).toList();
    }

    /** Every staff role works here; only a staff member who must first change their password is refused (and sent there). */
    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
