package org.opdqueue.setup;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A hospital's set-up as one file: what an admin sets on the admin pages, named by natural keys (codes, user
 * names), never by database ids. Field names are those of the admin forms. On import a field left out (or
 * null) keeps what the database has; a whole entry left out is left alone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "format", "facility", "categories", "services", "counters", "boards", "devices", "staff" })
public record SetupDocument(Integer format, String facility, List<Category> categories, List<Service> services,
        List<Counter> counters, List<Board> boards, List<Device> devices, List<Staff> staff) {

    /** The version of this layout; a reader refuses a file of a format it does not know. */
    public static final int FORMAT = 1;

    /** A priority category; {@code priority} true puts its tokens in the priority lane. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Category(String code, String nameEn, String nameHi, Boolean priority, Integer order, String icon,
            Boolean active) {
    }

    /** A department: its token prefix, hours, and the call policy's priority interleave. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(String code, String nameEn, String nameHi, String prefix, String roomHint, String opensAt,
            String closesAt, Integer interleave, Integer serviceMinutes, Boolean active, String roomHintHi,
            Integer order, String pictogram) {
    }

    /** A counter or room and the codes of the services it calls from. Its OPEN/CLOSED state is not set-up. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Counter(String code, String name, List<String> services, String nameHi) {
    }

    /** A waiting-hall board and the codes of the services and counters it shows. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Board(String code, String name, String nameHi, String ticker, Boolean active, List<String> services,
            List<String> counters) {
    }

    /**
     * A kiosk or board PC. Its key never leaves the server; {@code keyHash} (SHA-256 of the secret, as stored) does, so
     * that a set-up restored on a new server (archive/ArchiveRestore) lets the same kiosks and board PCs in.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Device(String code, String name, String kind, Boolean active, String numberSeries, String keyHash) {
    }

    /** A staff account without its password: one imported from a file cannot log in until an admin sets one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Staff(String username, String fullName, String role, Boolean active) {
    }

    List<Category> categoriesOrNone() {
        return categories == null ? List.of() : categories;
    }

    List<Service> servicesOrNone() {
        return services == null ? List.of() : services;
    }

    List<Counter> countersOrNone() {
        return counters == null ? List.of() : counters;
    }

    List<Board> boardsOrNone() {
        return boards == null ? List.of() : boards;
    }

    List<Device> devicesOrNone() {
        return devices == null ? List.of() : devices;
    }

    List<Staff> staffOrNone() {
        return staff == null ? List.of() : staff;
    }
}
