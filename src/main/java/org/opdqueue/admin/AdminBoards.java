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
import org.opdqueue.display.Board;
import org.opdqueue.display.BoardCounter;
import org.opdqueue.display.BoardService;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.staff.Role;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.FormSave;
import org.opdqueue.web.Option;
import org.opdqueue.web.Refused;

/** Waiting-hall boards: what each one shows and its ticker line. */
@Path("/admin/boards")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
@Transactional(Transactional.TxType.SUPPORTS)
public class AdminBoards {

    public record Row(long id, String code, String name, String nameHi, boolean active, String services, String counters) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Row> boards, String saved);

        static native TemplateInstance form(Long id, BoardForm form, List<Option> serviceOptions,
                List<Option> counterOptions, FieldErrors errors);
    }

    private final Facility facility;

    public AdminBoards(Facility facility) {
        this.facility = facility;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("saved") String saved) {
        return Templates.list(Board.<Board>list("facility = ?1 order by active desc, code", facility.code()).stream()
                .map(b -> new Row(b.id, b.code, b.name, b.nameHi, b.active, String.join(", ", serviceCodes(b)),
                        String.join(", ", counterCodes(b)))).toList(), saved);
    }

    @GET
    @Path("new")
    @Operation(hidden = true)
    public TemplateInstance create() {
        return page(null, BoardForm.blank(), FieldErrors.none());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(hidden = true)
    public TemplateInstance edit(@PathParam("id") long id) {
        Board b = find(id);
        return page(id, BoardForm.of(b, serviceCodes(b), counterCodes(b)), FieldErrors.none());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@BeanParam BoardForm form) {
        return save(null, form);
    }

    @POST
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@PathParam("id") long id, @BeanParam BoardForm form) {
        form.code = find(id).code;
        return save(id, form);
    }

    /** The board and everything it shows, in one transaction. Connected boards pick it up on their next connect. */
    private Response save(Long id, BoardForm form) {
        FieldErrors errors = FormSave.run(() -> {
            Board b = id == null ? new Board() : find(id);
            BoardForm.Shows shows = new BoardForm.Shows(new ArrayList<>(), new ArrayList<>());
            FieldErrors found = form.applyTo(b, id == null, facility.code(), shows);
            if (!found.isEmpty()) {
                return found;
            }
            if (id == null) {
                b.facility = facility.code();
                b.persist();
            } else {
                BoardService.delete("boardId", b.id);
                BoardCounter.delete("boardId", b.id);
            }
            shows.services().forEach(s -> BoardService.of(facility.code(), b.id, s.id).persist());
            shows.counters().forEach(c -> BoardCounter.of(facility.code(), b.id, c.id).persist());
            return found;
        }, Map.of("uk_board_code", new FormSave.Taken("code", "Another board already has this code.")));
        if (!errors.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(id, form, errors)).build();
        }
        return Response.seeOther(URI.create("/admin/boards?saved=" + form.code.strip().toUpperCase())).build();
    }

    private TemplateInstance page(Long id, BoardForm form, FieldErrors errors) {
        List<Option> services = ServicePoint.<ServicePoint>list("facility = ?1 order by code", facility.code()).stream()
                .map(s -> Option.of(s.code, s.code + " · " + s.nameEn, form.services)).toList();
        List<Option> counters = Counter.listFor(facility.code()).stream()
                .map(c -> Option.of(c.code, c.code + " · " + c.name, form.counters)).toList();
        return Templates.form(id, form, services, counters, errors);
    }

    private static List<String> serviceCodes(Board b) {
        return b.serviceIds().stream().map(id -> ServicePoint.<ServicePoint>findById(id).code).sorted().toList();
    }

    private static List<String> counterCodes(Board b) {
        return b.counterIds().stream().map(id -> Counter.<Counter>findById(id).code).toList();
    }

    private Board find(long id) {
        Board b = Board.findById(id);
        if (b == null || !facility.code().equals(b.facility)) {
            throw new NotFoundException();
        }
        return b;
    }

    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
