package org.opdqueue.setup;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.display.DisplayFeed;
import org.opdqueue.display.DisplaySnapshots;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.web.UniqueKeys;

/**
 * Applies a set-up file in one transaction: every entry is checked, and only a file without a single fault is kept,
 * each change journaled with its actor. A dry run does the same and then rolls it back. Applying the same file
 * again changes nothing; entries the file leaves out are never touched.
 */
@ApplicationScoped
public class SetupImport {

    private static final Set<String> SHOWN_ON_BOARDS = Set.of("service", "counter", "board");

    private final Facility facility;
    private final HospitalClock clock;
    private final Journal journal;
    private final DisplaySnapshots snapshots;
    private final DisplayFeed feed;
    private final ObjectMapper json;

    public SetupImport(Facility facility, HospitalClock clock, Journal journal, DisplaySnapshots snapshots,
            DisplayFeed feed, ObjectMapper json) {
        this.facility = facility;
        this.clock = clock;
        this.journal = journal;
        this.snapshots = snapshots;
        this.feed = feed;
        this.json = json;
    }

    /** Leaves the transaction after a dry run, so that nothing of it is kept. */
    private static final class DryRun extends RuntimeException {
        final transient SetupResult result;

        DryRun(SetupResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /** @throws ProblemException {@code invalid-input} with every fault at its path, when the file is refused */
    public SetupResult apply(SetupDocument doc, boolean dryRun, String actor) {
        return apply(doc, dryRun, actor, Map.of());
    }

    /**
     * A set-up restored from the journal archive into a new database: the staff it creates get the password hashes
     * they had (archive/ArchiveRestore), so they log in as before and the hospital is not locked out.
     */
    public SetupResult restore(SetupDocument doc, Map<String, String> passwordHashes, String actor) {
        return apply(doc, false, actor, passwordHashes);
    }

    private SetupResult apply(SetupDocument doc, boolean dryRun, String actor, Map<String, String> passwordHashes) {
        SetupResult result;
        try {
            result = QuarkusTransaction.requiringNew().call(() -> {
                SetupErrors errors = new SetupErrors();
                AdminLockOut lockOut = AdminLockOut.before(facility.code());
                Set<String> blocked = SetupChecks.check(doc, facility.code(), errors);
                SetupApplier applier = new SetupApplier(
                        new ImportRun(facility.code(), actor, clock.now(), errors, blocked, json, passwordHashes));
                applier.apply(doc);
                if (errors.isEmpty()) {
                    // only of what was applied: an entry at fault elsewhere (an admin it promotes) may be why
                    lockOut.check(doc, errors);
                }
                if (!errors.isEmpty()) {
                    throw errors.refusal();
                }
                SetupResult planned = new SetupResult(facility.code(), dryRun, List.copyOf(applier.changes()),
                        List.copyOf(applier.needsPassword()), SetupResult.NOTE);
                if (dryRun) {
                    throw new DryRun(planned);
                }
                applier.changes().forEach(change -> journal.append(JournalEventType.SETUP_CHANGED,
                        JournalEntryBuilder.system().actor(actor).detail(change.describe())));
                return planned;
            });
        } catch (DryRun d) {
            return d.result;
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            // the checks above foresee every unique key; this is two imports (or an admin and an import) racing
            throw UniqueKeys.violated(e).map(key -> new ProblemException(ProblemType.BUSY, "The set-up changed while "
                    + "the file was applied (" + key + "); nothing was changed. Try again.")).orElseThrow(() -> e);
        }
        if (result.changes().stream().anyMatch(c -> SHOWN_ON_BOARDS.contains(c.kind()))) {
            snapshots.forgetNames();
            feed.reloadBoards();
        }
        return result;
    }
}
