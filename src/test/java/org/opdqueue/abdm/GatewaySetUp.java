package org.opdqueue.abdm;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.token.Token;

/** Points the hospital's Scan & Share settings at a gateway double, as an admin would on /admin/abdm; and reads back. */
@ApplicationScoped
public class GatewaySetUp {

    static final String HIP_ID = "IN2710000123";

    private final Facility facility;
    private final SecretBox secrets;

    public GatewaySetUp(Facility facility, SecretBox secrets) {
        this.facility = facility;
        this.secrets = secrets;
    }

    @Transactional
    public void useGateway(String base, boolean enabled) {
        AbdmSettings s = AbdmSettings.<AbdmSettings>findByIdOptional(facility.code()).orElse(null);
        if (s == null) {
            s = AbdmSettings.fresh(facility.code());
            s.persist();
        }
        s.enabled = enabled;
        s.environment = AbdmEnvironment.SANDBOX;
        s.sandboxUrl = base;
        s.jwksUrl = null;
        s.hipId = HIP_ID;
        s.clientId = GatewayDouble.CLIENT_ID;
        s.clientSecretSealed = secrets.seal(GatewayDouble.CLIENT_SECRET);
    }

    @Transactional
    public void turnOff() {
        AbdmSettings.<AbdmSettings>findByIdOptional(facility.code()).ifPresent(s -> s.enabled = false);
    }

    /** The token a share (by its REQUEST-ID) got, or null. */
    @Transactional
    public Token tokenOf(String requestId) {
        List<?> ids = Token.getEntityManager().createNativeQuery(
                "SELECT token_id FROM abdm_share WHERE facility = ?1 AND request_id = ?2")
                .setParameter(1, facility.code()).setParameter(2, requestId).getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        Token t = Token.findById(((Number) ids.get(0)).longValue());
        Token.getEntityManager().detach(t);
        return t;
    }

    @Transactional
    public long tokensOfAbhaAddress(String abhaAddress) {
        return ((Number) Token.getEntityManager().createNativeQuery(
                "SELECT COUNT(DISTINCT token_id) FROM abdm_share WHERE facility = ?1 AND abha_address = ?2")
                .setParameter(1, facility.code()).setParameter(2, abhaAddress).getSingleResult()).longValue();
    }

    /** Moves a share back in time, as if it was made that long ago. */
    @Transactional
    public void shareWasMadeAt(String requestId, Instant at) {
        Token.getEntityManager().createNativeQuery("UPDATE abdm_share SET shared_at = ?1 WHERE facility = ?2 AND request_id = ?3")
                .setParameter(1, at).setParameter(2, facility.code()).setParameter(3, requestId).executeUpdate();
    }

    /** Attempts the outbox made for the answer to this share, and whether it was delivered. */
    @Transactional
    public Object[] callbackOf(String requestId) {
        return (Object[]) Token.getEntityManager().createNativeQuery(
                "SELECT attempts, delivered_at IS NOT NULL, last_error FROM abdm_callback WHERE facility = ?1 AND share_request = ?2")
                .setParameter(1, facility.code()).setParameter(2, requestId).getSingleResult();
    }
}
