package org.opdqueue.abdm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.opdqueue.common.HospitalClock;

/**
 * The session token our calls to the gateway carry, from its sessions endpoint with the hospital's client id and
 * secret. Kept until a minute before it expires (the gateway's sessions endpoint is rate-limited, and a token per
 * callback would be a call per patient), and dropped when the gateway refuses it.
 */
@ApplicationScoped
public class GatewaySession {

    private final HospitalClock clock;
    private final ObjectMapper json;
    private final AbdmConfig config;
    private final SecretBox secrets;
    private final HttpClient http;

    private record Session(String gateway, String clientId, String token, Instant goodUntil) {
    }

    private volatile Session session;

    public GatewaySession(HospitalClock clock, ObjectMapper json, AbdmConfig config, SecretBox secrets) {
        this.clock = clock;
        this.json = json;
        this.config = config;
        this.secrets = secrets;
        this.http = HttpClient.newBuilder().connectTimeout(config.callTimeout()).build();
    }

    /** A bearer token for the gateway of these settings; throws {@link GatewayRefused} when none can be had. */
    public synchronized String token(AbdmSettings.Snapshot settings) throws InterruptedException {
        Session s = session;
        if (s != null && s.gateway().equals(settings.gateway()) && s.clientId().equals(settings.clientId())
                && clock.now().isBefore(s.goodUntil())) {
            return s.token();
        }
        String secret = secrets.open(settings.clientSecretSealed())
                .orElseThrow(() -> new GatewayRefused("no client secret: enter it on the Scan & Share admin page"));
        if (settings.clientId() == null || settings.clientId().isBlank()) {
            throw new GatewayRefused("no client id: enter it on the Scan & Share admin page");
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(settings.gateway() + AbdmWire.SESSIONS_PATH))
                    .timeout(config.callTimeout()).header("Content-Type", "application/json")
                    .header(AbdmWire.REQUEST_ID, UUID.randomUUID().toString())
                    .header(AbdmWire.TIMESTAMP, GatewayCalls.timestamp(clock.now()))
                    .header(AbdmWire.CM_ID, settings.environment().cmId())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                            AbdmWire.SessionRequest.of(settings.clientId(), secret))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new GatewayRefused("sessions answered " + answer.statusCode());
            }
            AbdmWire.SessionAnswer a = json.readValue(answer.body(), AbdmWire.SessionAnswer.class);
            if (a.accessToken() == null || a.accessToken().isBlank()) {
                throw new GatewayRefused("sessions answered without an accessToken");
            }
            long seconds = a.expiresIn() == null ? 600 : a.expiresIn();
            session = new Session(settings.gateway(), settings.clientId(), a.accessToken(),
                    clock.now().plusSeconds(Math.max(0, seconds - 60)));
            return a.accessToken();
        } catch (java.io.IOException e) {
            throw new GatewayRefused("sessions could not be reached: " + e.getMessage());
        }
    }

    /** The gateway refused the token: the next call gets a new one. */
    public synchronized void forget() {
        session = null;
    }

    /** The gateway could not be asked, or said no; the callback is tried again later. */
    public static class GatewayRefused extends RuntimeException {
        public GatewayRefused(String message) {
            super(message, null, false, false);
        }
    }
}
