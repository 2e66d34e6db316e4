package org.crmkit.core.staff.port.out;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The default {@link PasswordHasher}: PBKDF2-HMAC-SHA256, 600,000 iterations, a 16-byte random salt and a 32-byte
 * key, as the OWASP Password Storage Cheat Sheet recommends for PBKDF2. Only the JDK is needed. Stored as
 * {@code $pbkdf2-sha256$i=600000$<salt>$<key>} (Base64 without padding), so the parameters travel with each hash.
 *
 * <p>A lower iteration count is for tests only; a hash made with fewer iterations than the hasher's count
 * {@linkplain #needsRehash needs a rehash}.
 */
public final class Pbkdf2PasswordHasher implements PasswordHasher {
    /** The OWASP-recommended iteration count for PBKDF2-HMAC-SHA256. */
    public static final int OWASP_ITERATIONS = 600_000;
    private static final String ID = "pbkdf2-sha256";
    private static final String JCA_NAME = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    private Pbkdf2PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
    }

    /** @return the hasher with OWASP's 600,000 iterations */
    public static Pbkdf2PasswordHasher owaspDefault() {
        return new Pbkdf2PasswordHasher(OWASP_ITERATIONS);
    }

    /**
     * @param iterations the iteration count; anything below {@link #OWASP_ITERATIONS} is for tests only
     * @return a hasher with that count
     */
    public static Pbkdf2PasswordHasher withIterations(int iterations) {
        return new Pbkdf2PasswordHasher(iterations);
    }

    @Override
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = derive(password, salt, iterations, KEY_BYTES);
        return "$" + ID + "$i=" + iterations + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(key);
    }

    @Override
    public boolean verify(String password, String stored) {
        Parsed parsed = parse(stored);
        if (parsed == null || password == null) {
            return false;
        }
        byte[] actual = derive(password, parsed.salt, parsed.iterations, parsed.key.length);
        return MessageDigest.isEqual(actual, parsed.key);
    }

    @Override
    public boolean needsRehash(String stored) {
        Parsed parsed = parse(stored);
        return parsed == null || parsed.iterations < iterations || parsed.salt.length < SALT_BYTES
                || parsed.key.length < KEY_BYTES;
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int bytes) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(JCA_NAME).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + JCA_NAME, e);
        } finally {
            spec.clearPassword();
            java.util.Arrays.fill(chars, '\0');
        }
    }

    private static Parsed parse(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 5 || !parts[0].isEmpty() || !ID.equals(parts[1]) || !parts[2].startsWith("i=")) {
            return null;
        }
        try {
            int iterations = Integer.parseInt(parts[2].substring(2));
            byte[] salt = DECODER.decode(parts[3].getBytes(StandardCharsets.US_ASCII));
            byte[] key = DECODER.decode(parts[4].getBytes(StandardCharsets.US_ASCII));
            return iterations < 1 || salt.length == 0 || key.length == 0 ? null : new Parsed(iterations, salt, key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] key) {
    }
}
