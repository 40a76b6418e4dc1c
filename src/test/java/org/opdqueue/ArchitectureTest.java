package org.opdqueue;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.targetOwner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaFieldAccess.AccessType.SET;
import static com.tngtech.archunit.core.domain.JavaFieldAccess.Predicates.accessType;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.opdqueue.journal.JournalEntry;
import org.opdqueue.token.Token;

/**
 * The package rules the code keeps: the HTTP layer ({@code api}) sits above the features, the features form no
 * loop, and {@code common} is the ground everything stands on. Read from the compiled classes, so an import that
 * breaks a rule fails here before anyone has to draw the graph again.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.opdqueue");

    @Test
    void featuresNeverDependOnTheApiLayer() {
        noClasses().that().resideOutsideOfPackage("org.opdqueue.api..")
                .should().dependOnClassesThat().resideInAPackage("org.opdqueue.api..")
                .check(MAIN);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("org.opdqueue.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void commonDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.opdqueue.common..")
                .should().dependOnClassesThat(resideInAPackage("org.opdqueue..")
                        .and(resideOutsideOfPackage("org.opdqueue.common..")))
                .check(MAIN);
    }

    @Test
    void entitiesBelowTheQueueNeverDependOnIt() {
        noClasses().that().resideInAnyPackage("org.opdqueue.token..", "org.opdqueue.counter..",
                "org.opdqueue.servicepoint..")
                .should().dependOnClassesThat().resideInAPackage("org.opdqueue.queue..")
                .check(MAIN);
    }

    @Test
    void onlyTheTokenItselfChangesItsStateOrItsPlace() {
        for (String field : List.of("status", "counterId", "calledAt", "startedAt", "completedAt", "queuedAt",
                "callCount", "serviceId")) {
            noClasses().that().doNotBelongToAnyOf(Token.class)
                    .should().setField(Token.class, field)
                    .because("a token's state changes through its transitions (call, start, complete, ...), which "
                            + "check that the change is allowed")
                    .check(MAIN);
        }
    }

    /**
     * The journal is appended through {@code Journal.append} only, which stamps time, facility and hash: nothing
     * else makes an entry, sets its fields, or saves, updates or deletes one. (Native SQL on the table can't be
     * seen from here; the database user's grants keep that out, see the README.)
     */
    @Test
    void onlyTheJournalPackageWritesTheJournal() {
        noClasses().that().resideOutsideOfPackage("org.opdqueue.journal..")
                .should().callConstructor(JournalEntry.class)
                .orShould().setFieldWhere(accessType(SET).and(targetOwner(assignableTo(JournalEntry.class))))
                .orShould().callMethodWhere(targetOwner(assignableTo(JournalEntry.class))
                        .and(target(nameMatching("persist.*|delete.*|update.*"))))
                .check(MAIN);
    }
}
