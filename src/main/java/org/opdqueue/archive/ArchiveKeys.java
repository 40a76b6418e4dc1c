package org.opdqueue.archive;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Base64;

import javax.crypto.KeyAgreement;

import org.opdqueue.common.Hashes;

/**
 * The archive's X25519 keys as text (base64url of the 32 raw bytes). The server holds only the public key; the private
 * key is printed once, for the hospital to keep offline, and is given back to {@code restore --key}.
 */
public final class ArchiveKeys {

    private static final NamedParameterSpec X25519 = NamedParameterSpec.X25519;
    /** X25519's base point: agreeing a private key with it gives that key's public key (RFC 7748). */
    private static final byte[] BASE_POINT = new byte[32];

    static {
        BASE_POINT[0] = 9;
    }

    /** A new pair: the private key's text (to print once) and the public key's text (to configure). */
    public record NewKey(String privateKey, String publicKey) {
    }

    private ArchiveKeys() {
    }

    public static NewKey newKey() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            byte[] scalar = ((java.security.interfaces.XECPrivateKey) pair.getPrivate()).getScalar().orElseThrow();
            return new NewKey(text(scalar), text(raw((XECPublicKey) pair.getPublic())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM since 11 has X25519", e);
        }
    }

    /** The public key of a private key's text; refuses text that is not a key, naming what is wrong with it. */
    public static String publicKeyOf(String privateKey) {
        return text(agree(privateKey(privateKey), BASE_POINT));
    }

    /** A short name of a public key, written in every segment so that a wrong private key is named as such. */
    public static String fingerprint(String publicKey) {
        return Hashes.sha256Hex("opd-archive-key|" + publicKey).substring(0, 16);
    }

    static PrivateKey privateKey(String text) {
        try {
            return KeyFactory.getInstance("X25519").generatePrivate(new XECPrivateKeySpec(X25519, bytes(text, "private")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The archive key is not an X25519 private key: " + e.getMessage(), e);
        }
    }

    static PublicKey publicKey(String text) {
        return publicKey(bytes(text, "public"));
    }

    static PublicKey publicKey(byte[] raw) {
        byte[] littleEndian = raw.clone();
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = littleEndian[31 - i];
        }
        try {
            return KeyFactory.getInstance("X25519")
                    .generatePublic(new XECPublicKeySpec(X25519, new BigInteger(1, bigEndian)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an X25519 public key: " + e.getMessage(), e);
        }
    }

    static byte[] raw(XECPublicKey key) {
        byte[] big = key.getU().toByteArray();
        byte[] little = new byte[32];
        for (int i = 0; i < 32 && i < big.length; i++) {
            little[i] = big[big.length - 1 - i];
        }
        return little;
    }

    static byte[] agree(PrivateKey mine, byte[] theirs) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("XDH");
            agreement.init(mine);
            agreement.doPhase(publicKey(theirs), true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("X25519 agreement failed: " + e.getMessage(), e);
        }
    }

    static String text(byte[] raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static byte[] bytes(String text, String which) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The archive " + which + " key is not base64url text (A-Z a-z 0-9 - _)");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("The archive " + which + " key must be 32 bytes (43 characters); this one is "
                    + raw.length + " bytes");
        }
        return raw;
    }
}
