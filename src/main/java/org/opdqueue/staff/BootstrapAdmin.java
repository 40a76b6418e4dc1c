package org.opdqueue.staff;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import org.opdqueue.common.Facility;
import org.opdqueue.common.Failures;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.Transactions;

/**
 * The first administrator of a hospital with no staff account, from configuration (as Keycloak and Grafana do):
 * never a default password, never SQL typed by hand. The password is one the installer chose, so it must be changed
 * at the first log-in.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    static final String USERNAME = "admin";

    public enum Outcome {
        CREATED,
        /** The hospital has staff already (or another node created the administrator at the same moment). */
        STAFF_EXIST,
        NO_PASSWORD,
        PASSWORD_REFUSED
    }

    private final Facility facility;
    private final Optional<String> password;
    private final Passwords passwords;
    private final HospitalClock clock;
    /** Gives each command its own new transaction and runs it again when it lost to a deadlock (see Transactions). */
    private final Transactions transactions;

    public BootstrapAdmin(Facility facility, OpdConfig config, Passwords passwords, HospitalClock clock,
            Transactions transactions) {
        this.facility = facility;
        this.password = config.bootstrap().adminPassword();
        this.passwords = passwords;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** After the demo seed, which brings its own staff. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent start) {
        createIfNoStaff(facility.code(), password);
    }

    public Outcome createIfNoStaff(String facilityCode, Optional<String> bootstrapPassword) {
        boolean noStaff = QuarkusTransaction.requiringNew().call(() -> StaffUser.count("facility", facilityCode) == 0);
        if (!noStaff) {
            bootstrapPassword.ifPresent(p -> LOG.infof("OPD_BOOTSTRAP_ADMIN_PASSWORD is ignored: %s has staff accounts "
                    + "already. Remove it from the configuration.", facilityCode));
            return Outcome.STAFF_EXIST;
        }
        if (bootstrapPassword.isEmpty()) {
            LOG.warn("No staff account exists. Set OPD_BOOTSTRAP_ADMIN_PASSWORD (12+ characters) and restart to create "
                    + "the administrator 'admin'.");
            return Outcome.NO_PASSWORD;
        }
        Optional<String> problem = PasswordRules.problemWith(bootstrapPassword.get());
        if (problem.isPresent()) {
            LOG.errorf("No administrator was created: OPD_BOOTSTRAP_ADMIN_PASSWORD is not usable (%s). Set it to a "
                    + "password of %d or more characters (at most %d bytes) and restart.", problem.get(),
                    PasswordRules.MIN_LENGTH, PasswordRules.MAX_BYTES);
            return Outcome.PASSWORD_REFUSED;
        }
        String hash = passwords.hash(bootstrapPassword.get());
        try {
            transactions.run(() -> {
                StaffUser admin = new StaffUser();
                admin.facility = facilityCode;
                admin.username = USERNAME;
                admin.fullName = "Administrator";
                admin.role = Role.ADMIN;
                admin.passwordHash = hash;
                admin.active = true;
                admin.mustChangePassword = true;
                admin.createdAt = clock.now();
                admin.persist();
                return admin;
            });
        } catch (RuntimeException e) {
            if (Failures.isDuplicateKey(e)) {
                return Outcome.STAFF_EXIST; // another node, starting at the same moment, created it
            }
            throw e;
        }
        LOG.info("created the bootstrap administrator 'admin'; change its password at first log-in");
        return Outcome.CREATED;
    }
}
