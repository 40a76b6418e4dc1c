package org.opdqueue.staff;

import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import io.quarkus.elytron.security.common.BcryptUtil;

import org.opdqueue.common.Hashes;

/**
 * bcrypt hashing and checking. bcrypt is slow on purpose (tens of milliseconds), which an API client
 * sending HTTP Basic on every call would pay every time; so a successful check is remembered for the
 * exact stored hash it passed against. A new password means a new hash, so a reset ends the shortcut.
 */
@ApplicationScoped
public class Passwords {

    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();
    private static final int REMEMBERED = 1000;

    /** SHA-256 of (stored hash, presented password) for checks that passed. Memory only. */
    private final Map<String, Boolean> passed = new ConcurrentHashMap<>();

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    public boolean matches(String password, String storedHash) {
        if (password == null || storedHash == null) {
            return false;
        }
        if (passed.size() >= REMEMBERED) {
            passed.clear();
        }
        // Concurrent first requests with the same credentials wait for one bcrypt run; a failure is not remembered.
        return passed.computeIfAbsent(Hashes.sha256Hex(storedHash + '\u0000' + password),
                key -> bcryptMatches(password, storedHash) ? Boolean.TRUE : null) != null;
    }

    private static boolean bcryptMatches(String password, String storedHash) {
        try {
            Password stored = ModularCrypt.decode(storedHash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            return factory.verify(factory.translate(stored), password.toCharArray());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
