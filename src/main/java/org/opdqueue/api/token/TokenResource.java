package org.opdqueue.api.token;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

import org.opdqueue.common.Facility;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.ProblemException;
import org.opdqueue.device.Device;
import org.opdqueue.offline.DeviceCredentials;
import org.opdqueue.queue.TokenActions;
import org.opdqueue.queue.TokenViews;
import org.opdqueue.staff.Role;
import org.opdqueue.token.IssueTokenRequest;
import org.opdqueue.token.Issuer;
import org.opdqueue.token.IssuingLimits;
import org.opdqueue.token.IssuingRules;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenIssuing;
import org.opdqueue.token.TokenView;

@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens")
public class TokenResource {

    /** Optional body of token actions: where to transfer to, how far back to requeue. */
    public record ActionRequest(String serviceCode, Integer requeueAfter) {
        static final ActionRequest NONE = new ActionRequest(null, null);
    }

    private final TokenIssuing issuing;
    private final TokenActions actions;
    private final TokenViews views;
    private final Facility facility;
    private final SecurityIdentity staff;
    private final DeviceCredentials kiosks;
    private final IssuingRules rules;
    private final IssuingLimits limits;

    public TokenResource(TokenIssuing issuing, TokenActions actions, TokenViews views, Facility facility,
            SecurityIdentity staff, DeviceCredentials kiosks, IssuingLimits limits, OpdConfig config) {
        this.issuing = issuing;
        this.actions = actions;
        this.views = views;
        this.facility = facility;
        this.staff = staff;
        this.kiosks = kiosks;
        this.limits = limits;
        this.rules = new IssuingRules(config.issuing().anonymous().enabled());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a token", description = "201 with a new token; 200 with the same token when the "
            + "same requestId and body are sent again; 409 when the requestId was used for a different body. An enrolled "
            + "kiosk sends Authorization: Device <code>.<secret> and issues KIOSK tokens; staff log in and issue COUNTER "
            + "(the default) or APPOINTMENT tokens; anyone else only where opd.issuing.anonymous.enabled, GENERAL KIOSK "
            + "tokens. 429 with Retry-After beyond a kiosk's or a client's limit.")
    public Uni<Response> issue(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest http, @Valid @NotNull(message = "is required") IssueTokenRequest request) {
        // Runs on the event loop: a kiosk whose key passed within a second is known without a read, and the request
        // goes straight to its service's issuing lane; anyone else is found out on a worker thread first.
        long arrived = System.nanoTime();
        Device recent = kiosks.passedRecently(authorization);
        if (recent != null) {
            kiosks.online(recent);
            return issueAs(Issuer.kiosk(recent.code), request, arrived);
        }
        return VertxContextSupport.executeBlocking(() -> issuer(authorization, http))
                .chain(issuer -> issueAs(issuer, request, arrived));
    }

    /**
     * The lane completes the answer on its own thread; the response is written back on this request's event loop (the
     * lane thread runs every batch of its services and must not spend its time on JSON). A replay's place in the
     * queue is read afresh, on a worker.
     */
    private Uni<Response> issueAs(Issuer issuer, IssueTokenRequest request, long arrived) {
        IssueTokenRequest admitted = rules.admit(issuer, request);
        io.vertx.core.Context requestContext = Vertx.currentContext();
        Uni<TokenIssuing.Issued> issued = Uni.createFrom().completionStage(limits.takeLater(issuer)
                .thenCompose(taken -> issuing.issueLater(admitted, issuer.actor(), arrived)));
        if (requestContext != null) {
            issued = issued.emitOn(command -> requestContext.runOnContext(nothing -> command.run()));
        }
        return issued.chain(answer -> answer.created()
                ? Uni.createFrom().item(answer(answer, views.justIssued(answer)))
                : VertxContextSupport.executeBlocking(() -> answer(answer, views.justIssued(answer))));
    }

    private static Response answer(TokenIssuing.Issued issued, TokenView view) {
        if (!issued.created()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/api/tokens/" + view.id())).entity(view).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One token with its status, counter, people ahead and estimated wait",
            description = "The status page's code and the priority category only for staff: ids are sequential, and a "
                    + "category such as PREGNANT or DIVYANG says something about the patient's health.")
    public TokenView get(@PathParam("id") long id) {
        TokenView view = Token.findInFacility(facility.code(), id).map(views::of)
                .orElseThrow(() -> ProblemException.notFound("Token", id));
        return staff.getRoles().isEmpty() ? asTheHallSeesIt(view) : view;
    }

    /** What a board shows of a token anyway: its number, where it stands and where to go; no code, no category. */
    private static TokenView asTheHallSeesIt(TokenView v) {
        return new TokenView(v.id(), null, v.number(), v.serviceCode(), v.serviceName(), null, v.channel(), v.status(),
                v.counter(), v.peopleAhead(), v.estimatedWaitMinutes(), v.businessDay(), v.issuedAt(), v.calledAt(),
                v.callCount(), v.degraded(), v.reservationUnknown());
    }

    @POST
    @RolesAllowed({ Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Path("{id}/recall")
    @Operation(summary = "Announce a called token again")
    public TokenView recall(@PathParam("id") long id) {
        return views.of(actions.recall(id, actor()));
    }

    @POST
    @RolesAllowed({ Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Path("{id}/start")
    @Operation(summary = "The patient has arrived at the counter: service starts")
    public TokenView start(@PathParam("id") long id) {
        return views.of(actions.start(id, actor()));
    }

    @POST
    @RolesAllowed({ Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Path("{id}/complete")
    @Operation(summary = "Service is over")
    public TokenView complete(@PathParam("id") long id) {
        return views.of(actions.complete(id, actor()));
    }

    @POST
    @RolesAllowed({ Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Path("{id}/no-show")
    @Consumes(MediaType.APPLICATION_JSON) // a form or multipart body is a 415, never parsed
    @Operation(summary = "The called patient did not come; optional body {\"requeueAfter\": N} puts them N places back")
    public TokenView noShow(@PathParam("id") long id, ActionRequest body) {
        return views.of(actions.noShow(id, orNone(body).requeueAfter(), actor()));
    }

    @POST
    @RolesAllowed({ Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Path("{id}/undo")
    @Operation(summary = "Take back this token's complete or no-show within 10 s of it, while its counter holds nobody else "
            + "(409 undo-too-late after that)")
    public TokenView undo(@PathParam("id") long id) {
        return views.of(actions.undo(id, actor()));
    }

    @POST
    @RolesAllowed({ Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Path("{id}/requeue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put a no-show back in the queue, {\"requeueAfter\": N} places back (default from configuration)")
    public TokenView requeue(@PathParam("id") long id, ActionRequest body) {
        return views.of(actions.requeue(id, orNone(body).requeueAfter(), actor()));
    }

    @POST
    @RolesAllowed({ Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Path("{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the patient to another service's queue, keeping the token number; body {\"serviceCode\": …}")
    public TokenView transfer(@PathParam("id") long id, ActionRequest body) {
        return views.of(actions.transfer(id, orNone(body).serviceCode(), actor()));
    }

    @POST
    @RolesAllowed({ Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Path("{id}/cancel")
    @Operation(summary = "Cancel an open token")
    public TokenView cancel(@PathParam("id") long id) {
        return views.of(actions.cancel(id, actor()));
    }

    /**
     * A kiosk names itself with its device key; staff log in; anyone else is known by the address they came from
     * (the client's, behind a proxy that forwards it: quarkus.http.proxy.proxy-address-forwarding).
     */
    private Issuer issuer(String authorization, HttpServerRequest http) {
        if (authorization != null && authorization.startsWith("Device ")) {
            Device kiosk = kiosks.authenticateToIssue(authorization);
            kiosks.online(kiosk);
            return Issuer.kiosk(kiosk.code);
        }
        if (staff.isAnonymous()) {
            return Issuer.anonymous(http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        }
        if (staff.getRoles().isEmpty()) {
            throw new ForbiddenException(); // logged in, but holding no role yet: the mapper says why
        }
        return Issuer.staff(actor());
    }

    /** The logged-in staff member, recorded in the journal as the one who did it. */
    private String actor() {
        return staff.getPrincipal().getName();
    }

    private static ActionRequest orNone(ActionRequest body) {
        return body == null ? ActionRequest.NONE : body;
    }
}
