package org.opdqueue.paper;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.staff.Role;
import org.opdqueue.web.Refused;

/**
 * Where registration clerks enter used paper slips after an outage, by keyboard or scanner alone. The page is a
 * shell; its script posts each slip to {@code POST /api/paper/entries}.
 */
@Path("/paper/entry")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
@Transactional(Transactional.TxType.SUPPORTS)
public class PaperEntryPage {

    /** A service that has paper books, and their ranges, as a reminder next to the number field. */
    public record BookRanges(String code, String name, String ranges) {
    }

    public record Category(String code, String nameEn) {
    }

    @CheckedTemplate
    static class Templates {
        /** {@code timeZone}: the hospital's, in which the page reads the times written on slips. */
        static native TemplateInstance entry(List<BookRanges> books, List<Category> categories, String timeZone);
    }

    private final Facility facility;
    private final HospitalClock clock;

    public PaperEntryPage(Facility facility, HospitalClock clock) {
        this.facility = facility;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance entry() {
        Map<Long, List<PaperBook>> byService = PaperBook.<PaperBook>list("facility = ?1 order by firstNumber", facility.code())
                .stream().collect(Collectors.groupingBy(b -> b.serviceId));
        List<BookRanges> books = byService.entrySet().stream().map(e -> {
            ServicePoint s = ServicePoint.findById(e.getKey());
            String ranges = e.getValue().stream().map(b -> PaperNumber.format(s.tokenPrefix, b.firstNumber) + "–"
                    + PaperNumber.format(s.tokenPrefix, b.lastNumber)).collect(Collectors.joining(", "));
            return new BookRanges(s.code, s.nameEn, ranges);
        }).sorted((a, b) -> a.code().compareTo(b.code())).toList();
        List<Category> categories = PriorityCategory.offeredIn(facility.code()).stream()
                .map(c -> new Category(c.code, c.nameEn)).toList();
        return Templates.entry(books, categories, clock.zone().getId());
    }

    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
