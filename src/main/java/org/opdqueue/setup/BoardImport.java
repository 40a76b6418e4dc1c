package org.opdqueue.setup;

import static org.opdqueue.setup.ImportRun.checkbox;
import static org.opdqueue.setup.ImportRun.or;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opdqueue.admin.BoardForm;
import org.opdqueue.display.Board;
import org.opdqueue.display.BoardCounter;
import org.opdqueue.display.BoardService;
import org.opdqueue.web.FieldErrors;

/**
 * A waiting-hall board from a set-up file, through {@link BoardForm}, with the services and counters it shows;
 * those are written again only when they changed.
 */
record BoardImport(ImportRun run) implements SetupApplier.EntryImport<SetupDocument.Board> {

    @Override
    public void apply(String path, SetupDocument.Board d) {
        String code = SetupApplier.code(d.code());
        Board b = code == null ? null : Board.<Board>find("facility = ?1 and code = ?2", run.facility, code).firstResult();
        boolean isNew = b == null;
        List<String> services = isNew ? List.of() : ImportRun.codesOf(b.serviceIds(), run.serviceCodes());
        List<String> counters = isNew ? List.of() : ImportRun.codesOf(b.counterIds(), run.counterCodes());
        if (!isNew && run.alreadySo(d, new SetupDocument.Board(b.code, b.name, b.nameHi, b.ticker, b.active, services,
                counters))) {
            return;
        }
        BoardForm form = isNew ? BoardForm.blank() : BoardForm.of(b, services, counters);
        form.code = d.code();
        form.name = or(d.name(), form.name);
        form.nameHi = or(d.nameHi(), form.nameHi);
        form.ticker = or(d.ticker(), form.ticker);
        form.active = checkbox(d.active(), form.active);
        form.services = d.services() == null ? form.services
                : run.existing(path + ".services", d.services(), run.serviceCodes());
        form.counters = d.counters() == null ? form.counters
                : run.existing(path + ".counters", d.counters(), run.counterCodes());
        Map<String, Object> before = isNew ? null : fields(b, services, counters);
        if (run.checksAFreshOne(path, isNew)) {
            Board fresh = new Board();
            fresh.code = isNew ? null : b.code;
            b = fresh;
        }
        BoardForm.Shows shows = new BoardForm.Shows(new ArrayList<>(), new ArrayList<>());
        FieldErrors found = form.applyTo(b, isNew, run.facility, shows);
        if (!run.accepted(path, found)) {
            return;
        }
        List<String> wantedServices = shows.services().stream().map(s -> s.code).sorted().distinct().toList();
        List<String> wantedCounters = shows.counters().stream().map(c -> c.code).sorted().distinct().toList();
        boolean relink = !wantedServices.equals(services) || !wantedCounters.equals(counters);
        if (isNew) {
            b.facility = run.facility;
            b.persist();
        } else if (relink) {
            BoardService.delete("boardId", b.id);
            BoardCounter.delete("boardId", b.id);
        }
        if (isNew || relink) {
            Long id = b.id;
            shows.services().stream().map(s -> s.id).distinct()
                    .forEach(sid -> BoardService.of(run.facility, id, sid).persist());
            shows.counters().stream().map(c -> c.id).distinct()
                    .forEach(cid -> BoardCounter.of(run.facility, id, cid).persist());
        }
        run.record("board", b.code, before, fields(b, wantedServices, wantedCounters));
    }

    private static Map<String, Object> fields(Board b, List<String> services, List<String> counters) {
        return ImportRun.ordered("name", b.name, "nameHi", b.nameHi, "ticker", b.ticker, "active", b.active,
                "services", services, "counters", counters);
    }
}
