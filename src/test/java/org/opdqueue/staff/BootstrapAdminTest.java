package org.opdqueue.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The first administrator from configuration, tried against hospital codes of its own (the demo has staff). */
@QuarkusTest
class BootstrapAdminTest {

    private static final String GOOD_PASSWORD = "first-light-2026";

    @Inject
    BootstrapAdmin bootstrap;

    @Inject
    Passwords passwords;

    final String hospital = "BOOT-" + UUID.randomUUID().toString().substring(0, 8);
    final List<String> log = new CopyOnWriteArrayList<>();
    final Logger logger = Logger.getLogger(BootstrapAdmin.class.getName());
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String text = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            log.add(record.getLevel() + " " + text);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void forgetTheHospital() {
        logger.removeHandler(capture);
        QuarkusTransaction.requiringNew().run(() -> StaffUser.delete("facility", hospital));
    }

    @Test
    void aHospitalWithoutStaffGetsAnAdminWhoMustChangeTheBootstrapPassword() {
        assertThat(bootstrap.createIfNoStaff(hospital, Optional.of(GOOD_PASSWORD))).isEqualTo(BootstrapAdmin.Outcome.CREATED);

        StaffUser admin = QuarkusTransaction.requiringNew().call(() -> StaffUser.findByUsername(hospital, "admin").orElseThrow());
        assertThat(admin.role).isEqualTo(Role.ADMIN);
        assertThat(admin.fullName).isEqualTo("Administrator");
        assertThat(admin.active).isTrue();
        assertThat(admin.mustChangePassword).isTrue();
        assertThat(admin.passwordHash).startsWith("$2").doesNotContain(GOOD_PASSWORD);
        assertThat(passwords.matches(GOOD_PASSWORD, admin.passwordHash)).isTrue();
        assertThat(log).contains("INFO created the bootstrap administrator 'admin'; change its password at first log-in");
    }

    @Test
    void aShortBootstrapPasswordCreatesNothingAndSaysWhatToSet() {
        assertThat(bootstrap.createIfNoStaff(hospital, Optional.of("admin123"))).isEqualTo(BootstrapAdmin.Outcome.PASSWORD_REFUSED);

        assertThat(staffCount()).isZero();
        assertThat(log).singleElement().asString().startsWith("ERROR No administrator was created")
                .contains("OPD_BOOTSTRAP_ADMIN_PASSWORD", "12 or more characters").doesNotContain("admin123");
    }

    @Test
    void withoutTheVariableTheLogSaysExactlyWhatToSet() {
        assertThat(bootstrap.createIfNoStaff(hospital, Optional.empty())).isEqualTo(BootstrapAdmin.Outcome.NO_PASSWORD);

        assertThat(staffCount()).isZero();
        assertThat(log).containsExactly("WARN No staff account exists. Set OPD_BOOTSTRAP_ADMIN_PASSWORD (12+ characters) "
                + "and restart to create the administrator 'admin'.");
    }

    @Test
    void aHospitalWithStaffGetsNoBootstrapAdmin() {
        QuarkusTransaction.requiringNew().run(() -> {
            StaffUser clerk = new StaffUser();
            clerk.facility = hospital;
            clerk.username = "clerk";
            clerk.fullName = "Registration clerk";
            clerk.role = Role.REGISTRAR;
            clerk.passwordHash = passwords.hash("clerk-password-1");
            clerk.active = true;
            clerk.createdAt = java.time.Instant.now();
            clerk.persist();
        });

        assertThat(bootstrap.createIfNoStaff(hospital, Optional.of(GOOD_PASSWORD))).isEqualTo(BootstrapAdmin.Outcome.STAFF_EXIST);
        assertThat(bootstrap.createIfNoStaff(hospital, Optional.empty())).isEqualTo(BootstrapAdmin.Outcome.STAFF_EXIST);

        assertThat(staffCount()).isEqualTo(1);
        assertThat(log).noneMatch(line -> line.startsWith("WARN") || line.contains("created"));
    }

    @Test
    void nodesStartingAtOnceCreateOneAdmin() throws Exception {
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        List<BootstrapAdmin.Outcome> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<BootstrapAdmin.Outcome>> answers = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return bootstrap.createIfNoStaff(hospital, Optional.of(GOOD_PASSWORD));
                }));
            }
            start.countDown();
            for (Future<BootstrapAdmin.Outcome> f : answers) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).containsOnlyOnce(BootstrapAdmin.Outcome.CREATED)
                .containsOnly(BootstrapAdmin.Outcome.CREATED, BootstrapAdmin.Outcome.STAFF_EXIST);
        assertThat(staffCount()).isEqualTo(1);
    }

    private long staffCount() {
        return QuarkusTransaction.requiringNew().call(() -> StaffUser.count("facility", hospital));
    }
}
