package org.opdqueue.abdm;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every shape that crosses the wire between us and the ABDM gateway, in one place, so a change ABDM publishes is
 * one edit here. Shapes as published for HIE-CM v3 (ABDM developer portal, "scan and register" and "gateway"
 * catalogues; their example bodies are marked unconfirmed against the sandbox, so unknown fields are ignored, never
 * refused).
 *
 * <p>Where v1.0 differs, and why we speak v3 only:
 * <ul>
 * <li>Paths. v1.0: the gateway calls {@code {bridge}/v1.0/patients/profile/share}, we answer on
 * {@code {gateway}/v1.0/patients/profile/on-share}. v3: {@code {bridge}/api/v3/hip/patient/share} and
 * {@code {gateway}/api/hiecm/patient-share/v3/on-share}; sessions at {@code /api/hiecm/gateway/v3/sessions}
 * (v0.5: {@code /gateway/v0.5/sessions}), keys at {@code /api/hiecm/gateway/v3/certs}.</li>
 * <li>Headers. v1.0 carried {@code requestId} and {@code timestamp} in the body and {@code X-HIP-ID} plus the
 * gateway's {@code Authorization}; v3 moves them to headers {@code REQUEST-ID} (a UUID), {@code TIMESTAMP}
 * (UTC ISO-8601 with milliseconds), {@code X-HIP-ID}, {@code X-CM-ID} ({@code sbx} or {@code abdm}) and
 * {@code Authorization: Bearer <session token>} on our calls.</li>
 * <li>Share body. v1.0: {@code profile{hipCode, patient{healthId, healthIdNumber, name, gender, address,
 * yearOfBirth, dayOfBirth, monthOfBirth, identifiers[{type: MOBILE, value}]}}}; v3: {@code intent},
 * {@code metaData{hipId, context, hprId, latitude, longitude}} and {@code profile{patient{abhaNumber,
 * abhaAddress, name, gender, dayOfBirth, monthOfBirth, yearOfBirth, address, phoneNumber}}}: the counter's code
 * moved from {@code profile.hipCode} to {@code metaData.context}, health id became ABHA address/number, and the
 * mobile is a field instead of an identifier list.</li>
 * <li>On-share body. v1.0: {@code acknowledgement{status, healthId, tokenNumber}} and {@code resp{requestId}};
 * v3: {@code acknowledgement{status, abhaAddress, profile{context, tokenNumber, expiry}}} and
 * {@code response{requestId}}, with {@code error{code, message}} on a failure. The unit of {@code expiry} is not
 * stated in the published example (180); we send the minutes the same token is answered to a rescan (30).</li>
 * </ul>
 */
public final class AbdmWire {

    public static final String SHARE_PATH = "/api/v3/hip/patient/share";
    public static final String ON_SHARE_PATH = "/api/hiecm/patient-share/v3/on-share";
    public static final String SESSIONS_PATH = "/api/hiecm/gateway/v3/sessions";
    public static final String CERTS_PATH = "/api/hiecm/gateway/v3/certs";

    public static final String REQUEST_ID = "REQUEST-ID";
    public static final String TIMESTAMP = "TIMESTAMP";
    public static final String HIP_ID = "X-HIP-ID";
    public static final String CM_ID = "X-CM-ID";

    private AbdmWire() {
    }

    /** What the gateway posts to {@link #SHARE_PATH}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Share(JsonNode intent, MetaData metaData, Profile profile) {
    }

    /** {@code context} is what the counter's QR code carries after {@code counter-id=}: for us, a service code. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MetaData(String hipId, String context, String hprId, String latitude, String longitude) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(Patient patient) {
    }

    /** {@code gender} is M, F or O; {@code address} is kept out of our rows (the token has no place for it). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Patient(String abhaNumber, String abhaAddress, String name, String gender, Integer dayOfBirth,
            Integer monthOfBirth, Integer yearOfBirth, JsonNode address, String phoneNumber) {
    }

    /** Our answer, posted to {@link #ON_SHARE_PATH}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OnShare(Acknowledgement acknowledgement, Error error, Response response) {

        public static OnShare success(String abhaAddress, String context, String tokenNumber, int expiryMinutes,
                String shareRequestId) {
            return new OnShare(new Acknowledgement("SUCCESS", abhaAddress, new TokenProfile(context, tokenNumber,
                    expiryMinutes)), null, new Response(shareRequestId));
        }
    }

    public record Acknowledgement(String status, String abhaAddress, TokenProfile profile) {
    }

    public record TokenProfile(String context, String tokenNumber, int expiry) {
    }

    public record Error(String code, String message) {
    }

    /** Names the share this answers: its {@code REQUEST-ID}. */
    public record Response(String requestId) {
    }

    /** Body of {@link #SESSIONS_PATH}. */
    public record SessionRequest(String clientId, String clientSecret, String grantType) {

        public static SessionRequest of(String clientId, String clientSecret) {
            return new SessionRequest(clientId, clientSecret, "client_credentials");
        }
    }

    /** The session: {@code expiresIn} seconds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SessionAnswer(String accessToken, Long expiresIn, String tokenType) {
    }

    /** {@link #CERTS_PATH}: the gateway's public keys as a JSON Web Key Set. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KeySet(List<Key> keys) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Key(String kty, String kid, String alg, String use, String n, String e) {
    }
}
