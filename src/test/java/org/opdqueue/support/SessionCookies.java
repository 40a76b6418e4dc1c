package org.opdqueue.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes a log-in cookie as an attacker holding a key would: Quarkus' persistent-login format (AES-GCM under the
 * SHA-256 of the key, "idle-expiry:content"). With the wrong key, or a content the server no longer trusts, the
 * server must refuse it.
 */
public final class SessionCookies {

    private SessionCookies() {
    }

    public static String forge(String key, String content) {
        try {
            byte[] aes = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aes, "AES"), new GCMParameterSpec(128, iv));
            long idleExpiry = Instant.now().plus(Duration.ofHours(1)).toEpochMilli();
            byte[] sealed = cipher.doFinal((idleExpiry + ":" + content).getBytes(StandardCharsets.UTF_8));
            ByteBuffer message = ByteBuffer.allocate(1 + iv.length + sealed.length).put((byte) iv.length).put(iv).put(sealed);
            return Base64.getEncoder().encodeToString(message.array());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
