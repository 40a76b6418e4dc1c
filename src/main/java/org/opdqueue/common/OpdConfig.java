package org.opdqueue.common;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of one hospital's installation. */
@ConfigMapping(prefix = "opd")
public interface OpdConfig {

    Facility facility();

    Queue queue();

    Demo demo();

    Bootstrap bootstrap();

    EmbeddedDb embeddedDb();

    Tls tls();

    interface Tls {
        /** How long browsers that once reached us over HTTPS must refuse plain HTTP (Strict-Transport-Security). */
        @WithDefault("P365D")
        Duration hstsMaxAge();

        /**
         * Mark the log-in and CSRF cookies {@code Secure} even when the request reached us as plain HTTP (TLS ended
         * at a proxy). On in production; they are always {@code Secure} on an HTTPS request.
         */
        @WithDefault("false")
        boolean secureCookies();
    }

    Session session();

    /** Staff log-in sessions (the form log-in's cookie) and the brute-force limit on logging in. */
    interface Session {
        /** A session ends after this long without a request. */
        @WithDefault("PT4H")
        Duration idleTimeout();

        /** And this long after the log-in, however busy (a shift); the staff member logs in again. */
        @WithDefault("PT12H")
        Duration absoluteLifetime();

        /** Failed log-ins in a row as one user name before log-in as that user is locked for a while. */
        @WithDefault("10")
        int failuresBeforeLock();

        /**
         * Failed log-ins from one client address, whatever the user names, before log-in from there is locked: more
         * than one user's, since a ward PC is shared by several staff members who each mistype now and then.
         */
        @WithDefault("30")
        int addressFailuresBeforeLock();

        @WithDefault("PT15M")
        Duration lockFor();
    }

    Display display();

    /** Who may hold a display board's WebSocket open, and how many at once. */
    interface Display {
        /**
         * Whether a board must show an enrolled board PC's key ({@code <code>.<secret>}, offered as a subprotocol). Off
         * only in the demo, whose boards open without one.
         */
        @WithDefault("true")
        boolean boardKeyRequired();

        /**
         * Pages of other origins allowed to open a board socket (e.g. {@code https://opd.example.org}), besides the
         * server's own origin.
         */
        java.util.Optional<java.util.List<String>> allowedOrigins();

        /** Open board sockets at most, from everywhere together. */
        @WithDefault("500")
        int maxConnections();

        /** Open board sockets at most from one address (a board PC needs one; a reconnect briefly two). */
        @WithDefault("10")
        int maxConnectionsPerAddress();

        /** Refused and dropped board sockets are counted and logged once per this interval. */
        @WithDefault("60s")
        Duration refusalsLoggedEvery();

        /**
         * {@code GET /api/display/{id}} a minute from one client address (then 429): a board reads it once as its page
         * opens, and its socket brings the same snapshot, so a page refused here still shows.
         */
        @WithDefault("60")
        int snapshotsPerAddressPerMinute();
    }

    Issuing issuing();

    /**
     * Who may issue tokens, and how fast. Staff (logged in, journaled by name) are not limited; an enrolled kiosk is,
     * per kiosk; a client with neither (a patient's phone) only where the hospital allows it, per address and in all.
     */
    interface Issuing {
        Kiosk kiosk();

        /**
         * An issue not confirmed by then is answered 503 (retry with the same requestId), whatever the database does;
         * with the half second the caller's kiosk or log-in may take to be checked, inside the 3 s any request may take.
         * Read by {@code token/IssuingLanes}.
         */
        @WithDefault("2200ms")
        Duration answerWithin();

        /**
         * How many lanes the services' issues are spread over ({@code token/IssuingLanes}): the issues waiting in one
         * lane commit together, so fewer lanes mean fewer commits; more let more batches run at once. Fewer than one
         * refuses start-up ({@code token/IssuingLaneCount}).
         */
        @WithDefault("2")
        int lanes();

        Anonymous anonymous();

        interface Kiosk {
            /**
             * Tokens one kiosk may issue a minute, in a burst or spread. A patient spends half a minute at the screen at
             * the least; this leaves room for a family, and bounds what a stolen key pushes in before it is revoked.
             */
            @WithDefault("20")
            int perMinute();
        }

        interface Anonymous {
            /** Issuing without a kiosk's key or a log-in (a patient's phone): off unless the hospital turns it on. */
            @WithDefault("false")
            boolean enabled();

            /** Tokens one client address may take an hour (a patient, perhaps for family members too). */
            @WithDefault("4")
            int perClientPerHour();

            /** Tokens all anonymous clients together may take a minute: changing addresses on the LAN gains no more. */
            @WithDefault("20")
            int perMinute();

            /** Client addresses kept track of; beyond this the least recently seen are forgotten. */
            @WithDefault("10000")
            int clientsRemembered();
        }
    }

    Node node();

    /** This server process; a hospital may later run more than one against the same database. */
    interface Node {
        /** Names this server's heartbeat; the host name when not set. Each node of a hospital needs its own. */
        java.util.Optional<String> name();

        Heartbeat heartbeat();

        interface Heartbeat {
            /** Off only where nothing should be recorded behind a test's back. */
            @WithDefault("true")
            boolean enabled();

            /** How often the server writes that it is alive; also read by the scheduler. */
            @WithDefault("2s")
            Duration every();

            /** A longer time without a heartbeat is recorded as an outage of the server. */
            @WithDefault("10s")
            Duration outageAfter();
        }
    }

    Redis redis();

    /** Redis for the boards' fan-out across app nodes (README "Running more than one server"); one node needs none. */
    interface Redis {
        /** e.g. {@code redis://10.0.0.5:6379}; unset (the default), nothing connects to Redis. */
        java.util.Optional<String> url();

        /**
         * How often each node reads the journal for what other nodes committed, with Redis or without: the most a
         * lost hint (or Redis being down) delays a call on a board connected to another node.
         */
        @WithDefault("500ms")
        Duration checkEvery();
    }

    interface Demo {
        /** Seed the demo hospital into an empty database at start-up. */
        @WithDefault("false")
        boolean seed();
    }

    interface Bootstrap {
        /**
         * The first administrator's password ({@code OPD_BOOTSTRAP_ADMIN_PASSWORD}, 12+ characters): used once, when
         * the hospital has no staff account at all, to create {@code admin}, who must change it at first log-in.
         */
        java.util.Optional<String> adminPassword();
    }

    /** Read by {@code OpdApplication} before Quarkus starts; declared here so they are documented and valid. */
    interface EmbeddedDb {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("3307")
        int port();

        @WithDefault("data/mariadb")
        String dataDir();

        @WithDefault("data/mariadb-server")
        String baseDir();

        /** Extra mariadbd options, comma-separated (e.g. --innodb-flush-log-at-trx-commit=1). */
        java.util.Optional<String> serverArgs();
    }

    interface Facility {
        /** Hospital code stamped on every row; part of every uniqueness rule. */
        @WithDefault("DEMO")
        String code();

        @WithDefault("Demo District Hospital")
        String name();

        @WithDefault("Asia/Kolkata")
        ZoneId timeZone();

        /** Local time at which the business day rolls over. */
        @WithDefault("00:00")
        LocalTime dayStartsAt();
    }

    interface Queue {
        /** How many completed tokens the wait estimate averages over. */
        @WithDefault("20")
        int recentServiceSample();

        /** Places a no-show token goes back when requeued without saying how far. */
        @WithDefault("3")
        int defaultRequeueAfter();

        /** How long the service-time average is reused before it is read again. */
        @WithDefault("PT5S")
        Duration serviceTimeCacheFor();
    }

    Journal journal();

    /** The journal's hash chain, sealed by {@code journal/JournalSealer}. */
    interface Journal {
        /** Off in the read-only {@code journal verify} command, which must write nothing. */
        @WithDefault("true")
        boolean sealing();

        /** How often committed entries are chained; also read by the scheduler. */
        @WithDefault("1s")
        Duration sealEvery();

        /** A hole in seq (a rolled-back append) is passed once open this long: longer than any transaction lasts. */
        @WithDefault("120s")
        Duration sealGapAfter();
    }

    KioskScreens kiosk();

    /** How the kiosk talks to patients (read by the kiosk from /api/kiosk-settings). */
    interface KioskScreens {
        /**
         * Ask for a mobile, ABHA or UHID number before printing: off, the path is department, category, slip; on, a
         * details screen and a confirm screen come before the slip.
         */
        @WithDefault("false")
        boolean askDetails();

        /** Recorded spoken prompts (Hindi and English) on each screen, for patients who cannot read them. */
        @WithDefault("false")
        boolean audio();
    }

    Reports reports();

    /** The reports' daily roll-ups (report/DailyRollups). */
    interface Reports {
        /** How often closed days still missing are rolled up (also at start); {@code off} only on first use. */
        @WithDefault("1h")
        String rollupEvery();

        /**
         * How long a report waits for the database (report/LongReads), instead of the pool's 3 s socket timeout;
         * longer, and it is answered 503 report-too-slow.
         */
        @WithDefault("120s")
        java.time.Duration readTimeout();
    }

    Archive archive();

    /**
     * The off-host journal archive ({@code archive/ArchiveShipper}): segments of the journal written to a directory
     * that the database host cannot rewrite (an NFS/SMB share or a USB disk at another PC), patient details in them
     * encrypted to a public key whose private half the hospital keeps offline.
     */
    interface Archive {
        @WithDefault("false")
        boolean enabled();

        /** The archive target: a mounted directory of another machine. Required when enabled. */
        java.util.Optional<String> directory();

        /** How often new journal entries are shipped; also read by the scheduler. */
        @WithDefault("1s")
        Duration interval();

        /** A segment holds at most this many entries; a backlog is shipped as several at once. */
        @WithDefault("5000")
        int maxEntries();

        /**
         * The archive's public key (base64url, 32 bytes, from {@code archive new-key}). When not set, the first run
         * makes a key pair, prints the private half once and keeps the public half in the database.
         */
        java.util.Optional<String> publicKey();

        /** /q/health reports the archive DOWN when its oldest unarchived entry is older than this. */
        @WithDefault("30s")
        Duration lagWarnAfter();
    }

    Appointments appointments();

    /** Appointment check-in (package {@code appointment}): the windows around a slot, and the portal's import key. */
    interface Appointments {
        /** How long before the slot a patient may check in; a service's own window (admin page) counts first. */
        @WithDefault("30")
        int earlyMinutes();

        /** How long after the slot a patient keeps the slot's place; later, the token is an ordinary walk-in's. */
        @WithDefault("15")
        int lateMinutes();

        /**
         * The key the hospital's booking portal sends ({@code Authorization: Bearer <key>}) to POST /api/appointments
         * without an admin's log-in; without it, only a logged-in admin imports.
         */
        java.util.Optional<String> importKey();

        /** Look-ups one kiosk may make a minute: enough for a queue of patients, too few to walk through mobiles. */
        @WithDefault("10")
        int kioskLookupsPerMinute();
    }
}
