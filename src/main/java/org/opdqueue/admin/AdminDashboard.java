package org.opdqueue.admin;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
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
import io.quarkus.security.identity.SecurityIdentity;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.offline.OfflineRefusals;
import org.opdqueue.outage.OutageHistory;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.staff.Role;
import org.opdqueue.status.SystemMode;
import org.opdqueue.token.Channel;
import org.opdqueue.web.Refused;

/**
 * The admin's first look: offline slips the merge refused (patients holding a slip that is in no queue) above all,
 * then is the system in paper-token mode, and how busy is each service today.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
@Transactional(Transactional.TxType.SUPPORTS)
public class AdminDashboard {

    /** Today's tokens of one service: per channel (in {@link Channel} order), still waiting, and done. */
    public record ServiceDay(String code, String name, List<Long> byChannel, long total, long waiting, long completed) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(SystemMode.State mode, LocalDate day, List<String> channels,
                List<ServiceDay> services, OutageHistory.Period lastOutage, List<OfflineRefusals.Refused> refused,
                ZoneId zone);
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final SystemMode mode;
    private final EntityManager em;
    private final OutageHistory outages;
    private final ZoneId zone;
    private final OfflineRefusals refusals;
    private final SecurityIdentity admin;

    public AdminDashboard(Facility facility, HospitalClock clock, SystemMode mode, EntityManager em,
            OutageHistory outages, OpdConfig config, OfflineRefusals refusals, SecurityIdentity admin) {
        this.facility = facility;
        this.clock = clock;
        this.mode = mode;
        this.em = em;
        this.outages = outages;
        this.zone = config.facility().timeZone();
        this.refusals = refusals;
        this.admin = admin;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance dashboard() {
        List<String> channels = Arrays.stream(Channel.values()).map(Channel::name).toList();
        if (mode.degraded()) {
            return Templates.dashboard(mode.current(), clock.businessDay(), channels, List.of(), null, List.of(), zone);
        }
        return Templates.dashboard(mode.current(), clock.businessDay(), channels, today(channels),
                outages.latest().orElse(null), refusals.open(List.of()), zone);
    }

    /** The patient holding this refused offline slip has been seen to (usually given a new token). */
    @POST
    @Path("offline-refusals/{id: [0-9]+}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response acknowledge(@PathParam("id") long id) {
        refusals.acknowledge(id, admin.getPrincipal().getName()).orElseThrow(NotFoundException::new);
        return Response.seeOther(URI.create("/admin")).build();
    }

    private List<ServiceDay> today(List<String> channels) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT service_id, channel, COUNT(*), SUM(status = 'WAITING'), SUM(status = 'COMPLETED') FROM token
                WHERE facility = ?1 AND business_day = ?2 GROUP BY service_id, channel""")
                .setParameter(1, facility.code()).setParameter(2, clock.businessDay()).getResultList();
        Map<Long, long[]> counts = new HashMap<>();
        for (Object[] r : rows) {
            long[] c = counts.computeIfAbsent(((Number) r[0]).longValue(), k -> new long[channels.size() + 3]);
            long n = ((Number) r[2]).longValue();
            c[channels.indexOf((String) r[1])] += n;
            c[channels.size()] += n;
            c[channels.size() + 1] += ((Number) r[3]).longValue();
            c[channels.size() + 2] += ((Number) r[4]).longValue();
        }
        int k = channels.size();
        return ServicePoint.<ServicePoint>list("facility = ?1 order by code", facility.code()).stream().map(s -> {
            long[] c = counts.getOrDefault(s.id, new long[k + 3]);
            return new ServiceDay(s.code, s.nameEn, Arrays.stream(c, 0, k).boxed().toList(), c[k], c[k + 1], c[k + 2]);
        }).toList();
    }

    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
