package org.opdqueue.abdm;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What the hospital filled in on the Scan & Share admin page. No row means Scan & Share is off: a fresh database
 * needs nothing seeded.
 */
@Entity
@Table(name = "abdm_settings")
public class AbdmSettings extends PanacheEntityBase {

    @Id
    public String facility;

    public boolean enabled;

    @Enumerated(EnumType.STRING)
    public AbdmEnvironment environment;

    @Column(name = "sandbox_url")
    public String sandboxUrl;

    @Column(name = "production_url")
    public String productionUrl;

    /** Where the gateway's public keys are; blank: the chosen gateway's {@code /api/hiecm/gateway/v3/certs}. */
    @Column(name = "jwks_url")
    public String jwksUrl;

    @Column(name = "hip_id")
    public String hipId;

    @Column(name = "client_id")
    public String clientId;

    /** The client secret, sealed by {@link SecretBox}; never shown back. */
    @Column(name = "client_secret_sealed")
    public String clientSecretSealed;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public static Optional<AbdmSettings> of(String facility) {
        return findByIdOptional(facility);
    }

    /** The settings a new hospital starts from: off, sandbox, ABDM's published gateways. */
    public static AbdmSettings fresh(String facility) {
        AbdmSettings s = new AbdmSettings();
        s.facility = facility;
        s.environment = AbdmEnvironment.SANDBOX;
        s.sandboxUrl = AbdmEnvironment.SANDBOX.defaultGateway();
        s.productionUrl = AbdmEnvironment.PRODUCTION.defaultGateway();
        return s;
    }

    /** The gateway of the chosen environment, without a trailing slash. */
    public String gateway() {
        String url = environment == AbdmEnvironment.PRODUCTION ? productionUrl : sandboxUrl;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String keysUrl() {
        return jwksUrl == null || jwksUrl.isBlank() ? gateway() + AbdmWire.CERTS_PATH : jwksUrl.strip();
    }

    /** A read-only copy for threads outside the transaction (the callback sender, the key check). */
    public Snapshot snapshot() {
        return new Snapshot(enabled, environment, gateway(), keysUrl(), hipId, clientId, clientSecretSealed);
    }

    public record Snapshot(boolean enabled, AbdmEnvironment environment, String gateway, String keysUrl, String hipId,
            String clientId, String clientSecretSealed) {
    }
}
