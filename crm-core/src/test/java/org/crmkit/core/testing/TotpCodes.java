package org.crmkit.core.testing;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an authenticator app shows for a secret crmkit handed out: TOTP of RFC 6238 (HMAC-SHA1, 30-second steps, six
 * digits), computed here with java-otp straight from the Base32 secret, apart from crmkit's own code.
 */
public final class TotpCodes {
    /** The length of a time step. */
    public static final Duration STEP = Duration.ofSeconds(30);
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator(STEP, 6);

    private TotpCodes() {
    }

    /**
     * @param base32Secret the secret of an {@code MfaEnrolment}
     * @param at           the time on the device's clock
     * @return the six digits the app shows at that time
     */
    public static String at(String base32Secret, Instant at) {
        try {
            return TOTP.generateOneTimePasswordString(new SecretKeySpec(decode(base32Secret), TOTP.getAlgorithm()),
                    at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            int value = BASE32.indexOf(Character.toUpperCase(c));
            if (value < 0) {
                throw new IllegalArgumentException("not Base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
