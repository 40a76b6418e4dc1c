package org.opdqueue.notify;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A receiver the hospital plugged in (its SMS or WhatsApp provider's bridge); every body to it is signed. */
@Entity
@Table(name = "notify_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String facility;

    public String name;

    public String url;

    /** Signs the bodies ({@link WebhookSignature}); shown once, when the endpoint is added. */
    public String secret;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    public static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static List<WebhookEndpoint> ofFacility(String facility) {
        return list("facility = ?1 order by name", facility);
    }

    public static List<WebhookEndpoint> activeOf(String facility) {
        return list("facility = ?1 and active = true order by id", facility);
    }
}
