package org.opdqueue.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook body is signed: HMAC-SHA256, keyed with the endpoint's secret, over {@code timestamp + "." + body}
 * (the timestamp in Unix seconds, as sent in {@link #TIMESTAMP}), hex in {@link #SIGNATURE} as {@code v1=<hex>}.
 * The timestamp inside the signed text lets a receiver refuse an old body sent again by someone else.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP = "X-OPD-Timestamp";
    public static final String SIGNATURE = "X-OPD-Signature";
    public static final String EVENT_ID = "X-OPD-Event-Id";
    public static final String DELIVERY = "X-OPD-Delivery";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** What a receiver does: the same HMAC, compared in constant time. */
    public static boolean verify(String secret, String timestamp, String body, String signature) {
        if (timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")) {
            return false;
        }
        byte[] expected = sign(secret, Long.parseLong(timestamp), body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }
}
