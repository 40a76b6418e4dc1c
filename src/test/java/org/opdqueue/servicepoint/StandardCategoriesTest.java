package org.opdqueue.servicepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The standard categories a fresh database gets. Each test uses a hospital code of its own, so the shared demo
 * hospital is left as it is.
 */
@QuarkusTest
class StandardCategoriesTest {

    @Inject
    StandardCategories standard;

    final String hospital = "FRESH-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void forgetTheHospital() {
        QuarkusTransaction.requiringNew().run(() -> PriorityCategory.delete("facility", hospital));
    }

    @Test
    void aHospitalWithoutCategoriesGetsTheFourStandardOnes() {
        assertThat(standard.createIfNone(hospital)).isEqualTo(4);

        List<String> made = QuarkusTransaction.requiringNew().call(() -> PriorityCategory.listFor(hospital).stream()
                .map(c -> c.code + "|" + c.nameEn + "|" + c.nameHi + "|" + (c.priority ? "priority" : "general") + "|"
                        + c.icon + "|" + c.active)
                .toList());
        assertThat(made).containsExactly(
                "GENERAL|General|सामान्य|general|GENERAL|true",
                "SENIOR_CITIZEN|Senior citizen 60+|वरिष्ठ नागरिक (60+)|priority|SENIOR_CITIZEN|true",
                "DIVYANG|Divyang (disability)|दिव्यांग|priority|DIVYANG|true",
                "PREGNANT|Pregnant|गर्भवती|priority|PREGNANT|true");
    }

    @Test
    void categoriesAnAdminDeletedOrDeactivatedDoNotComeBack() {
        standard.createIfNone(hospital);
        QuarkusTransaction.requiringNew().run(() -> {
            PriorityCategory.delete("facility = ?1 and code = ?2", hospital, "PREGNANT");
            PriorityCategory.findByCode(hospital, "DIVYANG").orElseThrow().active = false;
        });

        assertThat(standard.createIfNone(hospital)).isZero();

        assertThat(QuarkusTransaction.requiringNew().call(() -> PriorityCategory.offeredIn(hospital).stream()
                .map(c -> c.code).toList())).containsExactly("GENERAL", "SENIOR_CITIZEN");
        assertThat(QuarkusTransaction.requiringNew().call(() -> PriorityCategory.count("facility", hospital))).isEqualTo(3);
    }

    @Test
    void nodesStartingAtOnceCreateThemOnce() throws Exception {
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> created = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                created.add(pool.submit(() -> {
                    start.await();
                    return standard.createIfNone(hospital);
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : created) {
                total += f.get();
            }
            assertThat(total).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> PriorityCategory.count("facility", hospital))).isEqualTo(4);
    }

    @Test
    void theDemoHospitalHasTheStandardCategoriesOnce() {
        List<String> demo = QuarkusTransaction.requiringNew().call(() -> PriorityCategory.listFor("DEMO").stream()
                .map(c -> c.code).filter(StandardCategories.STANDARD.stream().map(StandardCategories.Standard::code)
                        .toList()::contains)
                .toList());
        assertThat(demo).containsExactly("GENERAL", "SENIOR_CITIZEN", "DIVYANG", "PREGNANT");
    }
}
