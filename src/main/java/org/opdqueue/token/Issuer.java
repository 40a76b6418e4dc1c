package org.opdqueue.token;

/**
 * Who asks for a token: a logged-in staff member, an enrolled kiosk (by its device key), or someone the server does
 * not know, such as a patient's phone, known only by the address the request came from.
 */
public record Issuer(Kind kind, String name) {

    public enum Kind {
        STAFF,
        KIOSK,
        ANONYMOUS,
        /** The ABDM gateway, after checking its signed JWT; named by the address it called from. */
        GATEWAY
    }

    public static Issuer staff(String username) {
        return new Issuer(Kind.STAFF, username);
    }

    public static Issuer kiosk(String deviceCode) {
        return new Issuer(Kind.KIOSK, deviceCode);
    }

    public static Issuer anonymous(String clientAddress) {
        return new Issuer(Kind.ANONYMOUS, clientAddress);
    }

    public static Issuer gateway(String clientAddress) {
        return new Issuer(Kind.GATEWAY, clientAddress);
    }

    /** The staff member the journal records as having issued it; a kiosk or a phone is no actor. */
    public String actor() {
        return kind == Kind.STAFF ? name : null;
    }
}
