package org.opdqueue.archive;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import org.opdqueue.common.Facility;
import org.opdqueue.common.OpdConfig;

/**
 * The archive's public key: {@code opd.archive.public-key}, or else the one made at the first run with archiving on.
 * That first run prints the private key once, for the hospital to keep offline; the server keeps only the public key
 * (in {@code archive_position}), so nothing on it can read the patient details of the archive back.
 */
@ApplicationScoped
public class ArchiveKeyStore {

    private static final Logger LOG = Logger.getLogger(ArchiveKeyStore.class);

    private final OpdConfig.Archive config;
    private final Facility facility;
    private final EntityManager em;
    private volatile String publicKey;

    public ArchiveKeyStore(OpdConfig config, Facility facility, EntityManager em) {
        this.config = config.archive();
        this.facility = facility;
        this.em = em;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.enabled() && config.publicKey().isEmpty() && stored() == null) {
            ArchiveKeys.NewKey key = ArchiveKeys.newKey();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    INSERT INTO archive_position (facility, public_key) VALUES (?1, ?2)
                    ON DUPLICATE KEY UPDATE public_key = COALESCE(public_key, VALUES(public_key))""")
                    .setParameter(1, facility.code()).setParameter(2, key.publicKey()).executeUpdate());
            if (key.publicKey().equals(stored())) {
                LOG.warn(newKeyNotice(key));
            }
        }
    }

    /** @throws IllegalStateException when archiving has no key yet (the first run makes one) */
    public String publicKey() {
        if (publicKey == null) {
            String key = config.publicKey().map(String::strip).orElseGet(this::stored);
            if (key == null) {
                throw new IllegalStateException("The archive has no public key: set opd.archive.public-key "
                        + "(java -jar quarkus-run.jar archive new-key makes one)");
            }
            ArchiveKeys.bytes(key, "public");
            publicKey = key;
        }
        return publicKey;
    }

    private String stored() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> keys = em.createNativeQuery("SELECT public_key FROM archive_position WHERE facility = ?1")
                    .setParameter(1, facility.code()).getResultList();
            return keys.isEmpty() ? null : keys.get(0);
        });
    }

    /** Printed once, by {@code archive new-key} and by the first run that makes the key. */
    public static String newKeyNotice(ArchiveKeys.NewKey key) {
        return """

                ==================================================================================================
                 The journal archive's PRIVATE key (shown this once; it is not kept on this server):

                     %s

                 Write it down or print it, and keep it offline (a sealed envelope in the hospital's safe), with
                 where the archive is. Without it, the patient details in the archive cannot be read back, and
                 'restore --key' cannot rebuild the day on a new server.
                 Public key (goes in opd.archive.public-key; fingerprint %s):
                     %s
                ==================================================================================================
                """.formatted(key.privateKey(), ArchiveKeys.fingerprint(key.publicKey()), key.publicKey());
    }
}
