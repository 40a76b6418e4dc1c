package org.opdqueue.paper;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

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
import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemException;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.staff.Role;
import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.Option;
import org.opdqueue.web.Refused;

/** The admin's paper books: reserve one, print it, void spoiled slips, and reconcile it after an outage. */
@Path("/admin/paper-books")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
@Transactional(Transactional.TxType.SUPPORTS)
public class AdminPaperBooks {

    /** Slips on one A4 sheet. */
    static final int SLIPS_PER_SHEET = 5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<PaperReports.Summary> books, List<Option> services, BookForm form,
                FieldErrors errors);

        static native TemplateInstance report(PaperReports.Report report, VoidForm form, FieldErrors errors, String voided);

        static native TemplateInstance print(PaperBooks.BookView book, ServicePoint service, List<List<String>> sheets);
    }

    private final Facility facility;
    private final PaperBooks books;
    private final PaperReports reports;
    private final PaperEntry entry;
    private final SecurityIdentity staff;

    public AdminPaperBooks(Facility facility, PaperBooks books, PaperReports reports, PaperEntry entry, SecurityIdentity staff) {
        this.facility = facility;
        this.books = books;
        this.reports = reports;
        this.entry = entry;
        this.staff = staff;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return Templates.list(reports.summaries(), services(null), BookForm.blank(), FieldErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reserve(@BeanParam BookForm form) {
        FieldErrors errors = FieldErrors.none();
        Integer slips = form.check(errors);
        if (errors.isEmpty()) {
            try {
                PaperBooks.BookView book = books.reserve(form.serviceCode, slips, staff.getPrincipal().getName());
                return Response.seeOther(URI.create("/admin/paper-books/" + book.id() + "?reserved=true")).build();
            } catch (ProblemException e) {
                toFields(e, errors, "serviceCode");
            }
        }
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.list(reports.summaries(), services(form.serviceCode), form, errors)).build();
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(hidden = true)
    public TemplateInstance report(@PathParam("id") long id, @QueryParam("voided") String voided) {
        return Templates.report(reports.of(find(id)), new VoidForm(), FieldErrors.none(), voided);
    }

    @POST
    @Path("{id: [0-9]+}/void")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response voidSlip(@PathParam("id") long id, @BeanParam VoidForm form) {
        PaperBook book = find(id);
        ServicePoint service = ServicePoint.findById(book.serviceId);
        FieldErrors errors = FieldErrors.none();
        String number = form.fullNumber(service.tokenPrefix);
        boolean inBook = PaperNumber.parse(number).filter(n -> n.prefix().equals(service.tokenPrefix)
                && n.number() >= book.firstNumber && n.number() <= book.lastNumber).isPresent();
        if (!inBook) {
            errors.add("number", "Give a number of this book, " + PaperNumber.format(service.tokenPrefix, book.firstNumber)
                    + " to " + PaperNumber.format(service.tokenPrefix, book.lastNumber) + ".");
        } else {
            try {
                PaperReports.Voided voided = entry.voidSlip(new PaperVoidRequest(number, form.reason), staff.getPrincipal().getName());
                return Response.seeOther(URI.create("/admin/paper-books/" + id + "?voided=" + voided.number())).build();
            } catch (ProblemException e) {
                toFields(e, errors, "number");
            }
        }
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.report(reports.of(book), form, errors, null)).build();
    }

    @GET
    @Path("{id: [0-9]+}/print")
    @Operation(hidden = true)
    public TemplateInstance print(@PathParam("id") long id) {
        PaperBook book = find(id);
        ServicePoint service = ServicePoint.findById(book.serviceId);
        List<String> slips = IntStream.rangeClosed(book.firstNumber, book.lastNumber)
                .mapToObj(n -> PaperNumber.format(service.tokenPrefix, n)).toList();
        List<List<String>> sheets = IntStream.range(0, (slips.size() + SLIPS_PER_SHEET - 1) / SLIPS_PER_SHEET)
                .mapToObj(i -> slips.subList(i * SLIPS_PER_SHEET, Math.min(slips.size(), (i + 1) * SLIPS_PER_SHEET))).toList();
        return Templates.print(books.view(book), service, sheets);
    }

    private PaperBook find(long id) {
        return PaperBook.findInFacility(facility.code(), id).orElseThrow(NotFoundException::new);
    }

    private List<Option> services(String chosen) {
        return ServicePoint.<ServicePoint>list("facility = ?1 and active = true order by code", facility.code()).stream()
                .map(s -> new Option(s.code, s.code + " · " + s.nameEn, s.code.equals(chosen))).toList();
    }

    /** A refusal from the books or the slips, shown next to the field it is about. */
    private static void toFields(ProblemException e, FieldErrors errors, String otherwise) {
        if (e.errors().isEmpty()) {
            errors.add(otherwise, e.getMessage());
        }
        for (Problem.FieldError f : e.errors()) {
            errors.add(f.field(), Character.toUpperCase(f.message().charAt(0)) + f.message().substring(1) + ".");
        }
    }

    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
