package org.opdqueue.abdm;

import java.net.URI;

import org.jboss.resteasy.reactive.RestForm;

import org.opdqueue.web.FieldErrors;
import org.opdqueue.web.Fields;

/** The Scan & Share settings form. A blank client secret keeps the one saved: it is never shown back. */
public class AbdmForm {

    @RestForm public String enabled;
    @RestForm public String environment;
    @RestForm public String sandboxUrl;
    @RestForm public String productionUrl;
    @RestForm public String jwksUrl;
    @RestForm public String hipId;
    @RestForm public String clientId;
    @RestForm public String clientSecret;

    public static AbdmForm of(AbdmSettings s) {
        AbdmForm f = new AbdmForm();
        f.enabled = s.enabled ? "on" : null;
        f.environment = s.environment.name();
        f.sandboxUrl = s.sandboxUrl;
        f.productionUrl = s.productionUrl;
        f.jwksUrl = s.jwksUrl;
        f.hipId = s.hipId;
        f.clientId = s.clientId;
        return f;
    }

    public boolean isEnabled() {
        return Fields.checked(enabled);
    }

    public boolean isProduction() {
        return AbdmEnvironment.PRODUCTION.name().equals(environment);
    }

    /** Copies the form onto the settings, or says what is wrong field by field (then nothing is kept). */
    public FieldErrors applyTo(AbdmSettings s, SecretBox secrets) {
        FieldErrors errors = FieldErrors.none();
        Fields fields = new Fields(errors);
        AbdmEnvironment env = null;
        try {
            env = AbdmEnvironment.valueOf(Fields.trim(environment));
        } catch (IllegalArgumentException e) {
            errors.add("environment", "Choose sandbox or production.");
        }
        String sandbox = url(errors, "sandboxUrl", fields.required("sandboxUrl", sandboxUrl, 200));
        String production = url(errors, "productionUrl", fields.required("productionUrl", productionUrl, 200));
        String keys = url(errors, "jwksUrl", fields.optional("jwksUrl", jwksUrl, 300));
        String hip = fields.optional("hipId", hipId, 64);
        if (hip != null && !hip.matches("[A-Za-z0-9_-]+")) {
            errors.add("hipId", "Letters, digits, '_' and '-' only, as ABDM gave it (e.g. IN2710000123).");
        }
        String client = fields.optional("clientId", clientId, 100);
        String secret = fields.optional("clientSecret", clientSecret, 200);
        boolean hasSecret = secret != null || secrets.open(s.clientSecretSealed).isPresent();
        if (isEnabled()) {
            if (hip == null && !errors.has("hipId")) {
                errors.add("hipId", "Required to turn Scan & Share on: the QR codes name it.");
            }
            if (client == null && !errors.has("clientId")) {
                errors.add("clientId", "Required to turn Scan & Share on: the gateway's session needs it.");
            }
            if (!hasSecret && !errors.has("clientSecret")) {
                errors.add("clientSecret", "Required to turn Scan & Share on: the gateway's session needs it.");
            }
        }
        if (errors.isEmpty()) {
            s.enabled = isEnabled();
            s.environment = env;
            s.sandboxUrl = sandbox;
            s.productionUrl = production;
            s.jwksUrl = keys;
            s.hipId = hip;
            s.clientId = client;
            if (secret != null) {
                s.clientSecretSealed = secrets.seal(secret);
            }
        }
        return errors;
    }

    private static String url(FieldErrors errors, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        errors.add(field, "An address such as https://dev.abdm.gov.in.");
        return null;
    }
}
