package org.opdqueue.archive;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.XECPublicKey;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the patient details of one segment so that only the holder of the archive's private key reads them back:
 * an ephemeral X25519 key per segment agreed with the archive's public key, HKDF-SHA-256 to an AES-256 key, and
 * AES-GCM per entry with the entry's seq as nonce and associated data (so a ciphertext moved to another line fails).
 * The server, holding only the public key, cannot decrypt a segment it wrote.
 */
final class SegmentCipher {

    private static final byte[] INFO = "opd-archive-segment-1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    /** The ephemeral public key, written in the segment's header. */
    final String ephemeralKey;

    private SegmentCipher(SecretKeySpec key, String ephemeralKey) {
        this.key = key;
        this.ephemeralKey = ephemeralKey;
    }

    /** For writing a new segment, knowing only the archive's public key. */
    static SegmentCipher forWriting(String archivePublicKey) {
        try {
            KeyPair ephemeral = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            byte[] ephemeralRaw = ArchiveKeys.raw((XECPublicKey) ephemeral.getPublic());
            byte[] recipient = ArchiveKeys.bytes(archivePublicKey, "public");
            byte[] shared = ArchiveKeys.agree(ephemeral.getPrivate(), recipient);
            return new SegmentCipher(derive(shared, ephemeralRaw, recipient), ArchiveKeys.text(ephemeralRaw));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM since 11 has X25519", e);
        }
    }

    /** For reading a segment back with the archive's private key. */
    static SegmentCipher forReading(String archivePrivateKey, String ephemeralKey) {
        PrivateKey mine = ArchiveKeys.privateKey(archivePrivateKey);
        byte[] ephemeralRaw = ArchiveKeys.bytes(ephemeralKey, "ephemeral");
        byte[] recipient = ArchiveKeys.bytes(ArchiveKeys.publicKeyOf(archivePrivateKey), "public");
        return new SegmentCipher(derive(ArchiveKeys.agree(mine, ephemeralRaw), ephemeralRaw, recipient), ephemeralKey);
    }

    String encrypt(long seq, String plain) {
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce(seq)));
            aes.updateAAD(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(aes.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JVM", e);
        }
    }

    /** @throws WrongKey when the text was not encrypted for this key (or was changed) */
    String decrypt(long seq, String sealed) {
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce(seq)));
            aes.updateAAD(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
            return new String(aes.doFinal(Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new WrongKey(seq);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JVM", e);
        }
    }

    /** The seq is unique within a segment, and the key is the segment's own: a nonce is never used twice. */
    private static byte[] nonce(long seq) {
        return ByteBuffer.allocate(12).putInt(0).putLong(seq).array();
    }

    /** HKDF (RFC 5869) with SHA-256, one block: salt = both public keys, so the key binds who it was made for. */
    private static SecretKeySpec derive(byte[] shared, byte[] ephemeral, byte[] recipient) {
        try {
            Mac extract = Mac.getInstance("HmacSHA256");
            byte[] salt = Arrays.copyOf(ephemeral, 64);
            System.arraycopy(recipient, 0, salt, 32, 32);
            extract.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] prk = extract.doFinal(shared);
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(prk, "HmacSHA256"));
            expand.update(INFO);
            expand.update((byte) 1);
            return new SecretKeySpec(expand.doFinal(), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JVM", e);
        }
    }

    /** The private key given is not the archive's, or the ciphertext was altered. */
    static final class WrongKey extends RuntimeException {
        WrongKey(long seq) {
            this("The patient details of seq " + seq + " do not open with this key: it is not the archive's private key, "
                    + "or the segment was altered");
        }

        WrongKey(String message) {
            super(message);
        }
    }
}
