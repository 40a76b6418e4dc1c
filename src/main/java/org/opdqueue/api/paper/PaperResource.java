package org.opdqueue.api.paper;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import org.opdqueue.common.Facility;
import org.opdqueue.common.ProblemException;
import org.opdqueue.paper.PaperBook;
import org.opdqueue.paper.PaperBooks;
import org.opdqueue.paper.PaperEntry;
import org.opdqueue.paper.PaperEntryRequest;
import org.opdqueue.paper.PaperReports;
import org.opdqueue.paper.PaperVoidRequest;
import org.opdqueue.queue.TokenViews;
import org.opdqueue.staff.Role;
import org.opdqueue.token.TokenView;

@Path("/api/paper")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Paper token books")
public class PaperResource {

    public record ReserveRequest(@NotBlank(message = "is required") String serviceCode,
            @NotNull(message = "is required") Integer slips) {
    }

    private final PaperBooks books;
    private final PaperEntry entry;
    private final PaperReports reports;
    private final TokenViews views;
    private final Facility facility;
    private final SecurityIdentity staff;

    public PaperResource(PaperBooks books, PaperEntry entry, PaperReports reports, TokenViews views, Facility facility,
            SecurityIdentity staff) {
        this.books = books;
        this.entry = entry;
        this.reports = reports;
        this.views = views;
        this.facility = facility;
        this.staff = staff;
    }

    @POST
    @Path("books")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(summary = "Reserve a book of paper slips: the next free range of the service's paper numbers (1–1000 slips)")
    public Response reserve(@Valid @NotNull(message = "is required") ReserveRequest request) {
        PaperBooks.BookView book = books.reserve(request.serviceCode(), request.slips(), staff.getPrincipal().getName());
        return Response.created(URI.create("/api/paper/books/" + book.id())).entity(book).build();
    }

    @GET
    @Path("books")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(summary = "All paper books, newest first, with entered, voided and unused counts")
    public List<PaperReports.Summary> list() {
        return reports.summaries();
    }

    @GET
    @Path("books/{id}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Reconciliation of one book: range, entered, unused (which numbers), voided (by whom), entered by whom")
    public PaperReports.Report report(@PathParam("id") long id) {
        return PaperBook.findInFacility(facility.code(), id).map(reports::of)
                .orElseThrow(() -> ProblemException.notFound("Paper book", id));
    }

    @POST
    @Path("entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Operation(summary = "Back-enter a used paper slip as a PAPER token",
            description = "201 with the token; 200 with the same token when the same requestId is sent again; 409 "
                    + "/problems/paper-duplicate when the slip was already entered or voided (saying by whom and when); "
                    + "422 /problems/paper-out-of-range when the number is in no book of its service.")
    public Response enter(@Valid @NotNull(message = "is required") PaperEntryRequest request) {
        PaperEntry.Entered entered = entry.enter(request, staff.getPrincipal().getName());
        TokenView view = views.justIssued(entered.token(), entered.service());
        if (!entered.created()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/api/tokens/" + view.id())).entity(view).build();
    }

    @POST
    @Path("voids")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Operation(summary = "Void a spoiled paper slip, so it is never entered and counts as voided in the report")
    public Response voidSlip(@Valid @NotNull(message = "is required") PaperVoidRequest request) {
        return Response.status(201).entity(entry.voidSlip(request, staff.getPrincipal().getName())).build();
    }
}
