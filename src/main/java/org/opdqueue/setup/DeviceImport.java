package org.opdqueue.setup;

import static org.opdqueue.setup.ImportRun.checkbox;
import static org.opdqueue.setup.ImportRun.or;

import java.util.Map;

import org.opdqueue.admin.DeviceForm;
import org.opdqueue.device.Device;
import org.opdqueue.device.DeviceKind;
import org.opdqueue.offline.DeviceCredentials;
import org.opdqueue.web.FieldErrors;

/**
 * A kiosk or board PC from a set-up file, through {@link DeviceForm}. Its key is never in a file; its key's hash may
 * be (an export, a restore), and then the device's current key is the one of that hash.
 */
record DeviceImport(ImportRun run) implements SetupApplier.EntryImport<SetupDocument.Device> {

    @Override
    public void apply(String path, SetupDocument.Device d) {
        String code = SetupApplier.code(d.code());
        Device device = code == null ? null : Device.findByCode(run.facility, code).orElse(null);
        boolean isNew = device == null;
        if (!isNew && run.alreadySo(d, new SetupDocument.Device(device.code, device.name, device.kind.name(),
                device.active, device.numberSeries, device.secretHash))) {
            return;
        }
        DeviceForm form = isNew ? DeviceForm.blank() : DeviceForm.of(device);
        form.code = d.code();
        form.name = or(d.name(), form.name);
        form.kind = d.kind() == null ? form.kind : d.kind().strip().toUpperCase();
        form.active = checkbox(d.active(), form.active);
        Map<String, Object> before = isNew ? null : fields(device);
        if (run.checksAFreshOne(path, isNew)) {
            Device fresh = new Device();
            fresh.code = isNew ? null : device.code;
            fresh.numberSeries = isNew ? null : device.numberSeries;
            device = fresh;
        }
        FieldErrors found = form.applyTo(device, isNew);
        String series = SetupApplier.code(d.numberSeries());
        if (series != null && found.isEmpty()) {
            checkSeries(device, series, found);
        }
        String keyHash = d.keyHash() == null ? null : d.keyHash().strip();
        if (keyHash != null && !keyHash.matches("[0-9a-f]{64}")) {
            found.add("keyHash", "The SHA-256 of the device's secret as 64 lower-case hex digits, as an export writes it.");
        }
        if (!run.accepted(path, found)) {
            return;
        }
        if (series != null) {
            device.numberSeries = series;
        }
        if (keyHash != null) {
            device.secretHash = keyHash;
        }
        if (isNew) {
            device.facility = run.facility;
            device.persist();
        }
        run.record("device", device.code, before, fields(device));
    }

    /** Given with a kiosk's first credential; a file may name it for a kiosk that has none yet, never change it. */
    private static void checkSeries(Device d, String series, FieldErrors found) {
        if (d.kind != DeviceKind.KIOSK) {
            found.add("numberSeries", "Only a kiosk has a number series.");
        } else if (!DeviceCredentials.isKioskSeries(series)) {
            found.add("numberSeries", "One or two capital letters, not I or O, and not P (the paper books' series).");
        } else if (d.numberSeries != null && !d.numberSeries.equals(series)) {
            found.add("numberSeries", "This kiosk issues offline numbers in series " + d.numberSeries
                    + " already; a kiosk's series never changes.");
        }
    }

    private static Map<String, Object> fields(Device d) {
        return ImportRun.ordered("name", d.name, "kind", d.kind, "active", d.active, "numberSeries", d.numberSeries,
                "keyHash", d.secretHash);
    }
}
