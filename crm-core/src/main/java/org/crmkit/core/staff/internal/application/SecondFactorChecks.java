package org.crmkit.core.staff.internal.application;

import org.crmkit.core.shared.internal.OneTimeTokens;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.staff.MfaPolicy;
import org.crmkit.core.staff.internal.domain.SecondFactor;
import org.crmkit.core.staff.port.in.MfaEnrolment;

/**
 * The second factor's secrets and codes: new secrets, challenges and recovery codes from a {@link SecureRandom}, the
 * {@code otpauth://} URI of an enrolment, and the check of a code given, which costs the same whatever it finds (the
 * TOTP codes of three steps and one hash, against a dummy secret where there is no real one).
 *
 * <p>TOTP (RFC 6238) as authenticator apps make it: HMAC-SHA1, 30-second steps, 6 digits, computed by java-otp
 * (com.eatthepath.otp) rather than by hand. A code of the step before or after the current one is accepted too (the
 * device's clock may be off by that much).
 */
final class SecondFactorChecks {
    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    /** Bytes of a secret: 160 bits, the HMAC-SHA1 block RFC 4226 recommends. */
    static final int SECRET_BYTES = 20;
    static final int RECOVERY_CODES = 10;
    /** Base32 characters of a recovery code: 80 bits, too many to find from its SHA-256 by trying. */
    static final int RECOVERY_CODE_LENGTH = 16;

    private final SecureRandom random = new SecureRandom();
    private final SecretSeal seal;
    private final MfaPolicy policy;
    private final Codes codes;
    /** Checked against where no real secret exists, so that every check costs the same. */
    private final byte[] dummySecret = new byte[SECRET_BYTES];

    /** Makes the code of a time step: java-otp's TOTP, or a test's counting stand-in. */
    @FunctionalInterface
    interface Codes {
        /** @param secret a secret @param step a time step @return the six ASCII digits of that step */
        String at(byte[] secret, long step);

        /** @return TOTP of RFC 6238 as authenticator apps make it, by java-otp */
        static Codes totp() {
            TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS,
                    TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
            return (secret, step) -> {
                try {
                    return totp.generateOneTimePasswordString(new SecretKeySpec(secret, totp.getAlgorithm()),
                            Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
                } catch (InvalidKeyException e) {
                    throw new IllegalStateException("an HMAC key of " + secret.length + " bytes was refused", e);
                }
            };
        }
    }

    SecondFactorChecks(SecretSeal seal, MfaPolicy policy) {
        this(seal, policy, Codes.totp());
    }

    SecondFactorChecks(SecretSeal seal, MfaPolicy policy, Codes codes) {
        this.seal = seal;
        this.policy = policy;
        this.codes = codes;
        random.nextBytes(dummySecret);
    }

    /** What a code given turned out to be; {@code step} for a TOTP code, {@code hash} for a recovery code's shape. */
    record Verdict(Kind kind, long step, String hash) {
        enum Kind {
            /** A TOTP code of a step not yet used. */
            CODE,
            /** A right TOTP code of a step a code was accepted for already. */
            REPLAY,
            /** Shaped like a recovery code: whether it is an unused one, the second factor decides. */
            RECOVERY,
            /** Neither. */
            WRONG
        }
    }

    /** @return a new secret, 160 random bits */
    byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /** @param secret a secret @return it sealed for storage */
    String seal(byte[] secret) {
        return seal.seal(secret);
    }

    /** @return a new login challenge: 256 random bits, URL-safe Base64 */
    String newChallenge() {
        return OneTimeTokens.next();
    }

    /** @return ten new recovery codes, each 16 Base32 characters in groups of four ({@code abcd-efgh-ijkl-mnop}) */
    List<String> newRecoveryCodes() {
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < RECOVERY_CODE_LENGTH; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(Base32.ALPHABET.charAt(random.nextInt(32)));
            }
            codes.add(code.toString().toLowerCase(Locale.ROOT));
        }
        return codes;
    }

    /** @param codes recovery codes as handed out @return what is stored of them */
    static List<String> hashes(List<String> codes) {
        return codes.stream().map(SecondFactorChecks::recoveryHash).toList();
    }

    /** @param code a recovery code as typed @return its hash: case, spaces and hyphens do not count */
    static String recoveryHash(String code) {
        return OneTimeTokens.hash(code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT));
    }

    /**
     * @param secret the new secret
     * @param login  the account's login, the one thing of the person the URI names
     * @return the enrolment to hand out
     */
    MfaEnrolment enrolment(byte[] secret, EmailAddress login) {
        String issuer = uriPart(policy.issuer());
        String uri = "otpauth://totp/" + issuer + ":" + uriPart(login.value()) + "?secret=" + Base32.encode(secret)
                + "&issuer=" + issuer + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
        return new MfaEnrolment(Base32.encode(secret), uri);
    }

    /**
     * Checks a code (already of a valid shape: the commands check it) against a second factor's secret.
     *
     * @param factor the second factor, or {@code null} when there is none to check against
     * @param code   six digits or a recovery code, as typed
     * @param now    the current time
     * @return what it is; always {@link Verdict.Kind#WRONG} without a second factor, after the same work
     */
    Verdict check(SecondFactor factor, String code, Instant now) {
        String compact = code.replaceAll("[\\s-]", "");
        byte[] secret = factor == null ? dummySecret : seal.open(factor.secret());
        long step = matchingStep(secret, compact, now);
        String hash = recoveryHash(compact);
        if (factor == null) {
            return new Verdict(Verdict.Kind.WRONG, -1, null);
        }
        if (step >= 0) {
            return new Verdict(factor.isReplay(step) ? Verdict.Kind.REPLAY : Verdict.Kind.CODE, step, null);
        }
        return compact.length() == RECOVERY_CODE_LENGTH ? new Verdict(Verdict.Kind.RECOVERY, -1, hash)
                : new Verdict(Verdict.Kind.WRONG, -1, null);
    }

    /** @return the step (of now and one either side) whose code it is, or -1; all three are computed every time */
    private long matchingStep(byte[] secret, String code, Instant now) {
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = stepOf(now);
        long found = -1;
        for (long step = current - 1; step <= current + 1; step++) {
            if (MessageDigest.isEqual(given, codeAt(secret, step).getBytes(StandardCharsets.US_ASCII))) {
                found = step;
            }
        }
        return found;
    }

    /** @param at an instant @return its TOTP time step */
    static long stepOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** @param secret a secret @param step a time step @return the code of that step, six ASCII digits */
    String codeAt(byte[] secret, long step) {
        return codes.at(secret, step);
    }

    /** Percent-encodes all but the unreserved characters (and {@code @}) of RFC 3986, spaces as {@code %20}. */
    private static String uriPart(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~@".indexOf(c) >= 0) {
                out.write(c);
            } else {
                out.writeBytes(String.format(Locale.ROOT, "%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
