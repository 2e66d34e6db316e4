package org.crmkit.core.staff.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.MfaPolicy;
import org.crmkit.core.staff.SecondFactorSnapshot;
import org.crmkit.core.staff.SecondFactorStatus;
import org.crmkit.core.staff.internal.domain.SecondFactor;
import org.crmkit.core.staff.port.in.MfaEnrolment;
import org.junit.jupiter.api.Test;

/**
 * The codes of the second factor: TOTP as RFC 6238 defines it (its Appendix B test vectors, through java-otp), the
 * window of one step either way, Base32 as RFC 4648 defines it, and the recovery codes' shape.
 */
class SecondFactorChecksTest {
    /** RFC 6238, Appendix B: the SHA-1 seed, and the 8-digit codes at each time. */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final Map<Long, String> RFC_SHA1_CODES = Map.of(59L, "94287082", 1111111109L, "07081804",
            1111111111L, "14050471", 1234567890L, "89005924", 2000000000L, "69279037", 20000000000L, "65353130");

    private final SecondFactorChecks checks = new SecondFactorChecks(SecretSeal.PLAIN, MfaPolicy.optional());

    @Test
    void javaOtpMakesTheCodesOfRfc6238() throws Exception {
        TimeBasedOneTimePasswordGenerator eightDigits = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30),
                8, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
        SecretKeySpec key = new SecretKeySpec(RFC_SECRET, eightDigits.getAlgorithm());
        RFC_SHA1_CODES.forEach((time, code) -> {
            try {
                assertThat(eightDigits.generateOneTimePasswordString(key, Instant.ofEpochSecond(time), Locale.ROOT))
                        .as("T = %d", time).isEqualTo(code);
            } catch (java.security.InvalidKeyException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void crmkitsSixDigitCodesAreTheLastSixDigitsOfTheRfcVectors() {
        RFC_SHA1_CODES.forEach((time, code) -> assertThat(checks.codeAt(RFC_SECRET,
                SecondFactorChecks.stepOf(Instant.ofEpochSecond(time)))).as("T = %d", time)
                .isEqualTo(code.substring(2)));
    }

    @Test
    void aCodeOfTheCurrentStepOrOneEitherSideIsFoundWithItsStepAndNoOther() {
        Instant now = Instant.ofEpochSecond(1111111111L);
        long step = SecondFactorChecks.stepOf(now);
        SecondFactor factor = active(null);

        for (long offset = -1; offset <= 1; offset++) {
            SecondFactorChecks.Verdict verdict = checks.check(factor, checks.codeAt(RFC_SECRET, step + offset), now);
            assertThat(verdict.kind()).as("offset %d", offset).isEqualTo(SecondFactorChecks.Verdict.Kind.CODE);
            assertThat(verdict.step()).isEqualTo(step + offset);
        }
        for (long offset : new long[] {-2, 2}) {
            assertThat(checks.check(factor, checks.codeAt(RFC_SECRET, step + offset), now).kind())
                    .as("offset %d", offset).isEqualTo(SecondFactorChecks.Verdict.Kind.WRONG);
        }
        String spaced = checks.codeAt(RFC_SECRET, step).substring(0, 3) + " " + checks.codeAt(RFC_SECRET, step)
                .substring(3);
        assertThat(checks.check(factor, spaced, now).kind()).as("as an app shows it")
                .isEqualTo(SecondFactorChecks.Verdict.Kind.CODE);
    }

    @Test
    void aCodeOfAStepAtOrBeforeTheLastAcceptedOneIsAReplay() {
        Instant now = Instant.ofEpochSecond(1234567890L);
        long step = SecondFactorChecks.stepOf(now);
        SecondFactor factor = active(step);

        assertThat(checks.check(factor, checks.codeAt(RFC_SECRET, step), now).kind())
                .isEqualTo(SecondFactorChecks.Verdict.Kind.REPLAY);
        assertThat(checks.check(factor, checks.codeAt(RFC_SECRET, step - 1), now).kind())
                .isEqualTo(SecondFactorChecks.Verdict.Kind.REPLAY);
        assertThat(checks.check(factor, checks.codeAt(RFC_SECRET, step + 1), now).kind())
                .isEqualTo(SecondFactorChecks.Verdict.Kind.CODE);
    }

    @Test
    void withoutASecondFactorEveryCodeIsWrong() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(checks.check(null, checks.codeAt(RFC_SECRET, SecondFactorChecks.stepOf(now)), now).kind())
                .isEqualTo(SecondFactorChecks.Verdict.Kind.WRONG);
        assertThat(checks.check(null, "abcd-efgh-ijkl-mnop", now).kind())
                .isEqualTo(SecondFactorChecks.Verdict.Kind.WRONG);
    }

    /**
     * The second step checks every code it is given the same way, whatever it then decides: the codes of three steps
     * and one hash, with or without a second factor (an unknown challenge), a right code or a wrong one, six digits or
     * a recovery code; counted, not timed.
     */
    @Test
    void everyCheckMakesTheCodesOfThreeStepsWhateverItFinds() {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        SecondFactorChecks.Codes totp = SecondFactorChecks.Codes.totp();
        SecondFactorChecks counting = new SecondFactorChecks(SecretSeal.PLAIN, MfaPolicy.optional(),
                (secret, step) -> {
                    made.incrementAndGet();
                    return totp.at(secret, step);
                });
        Instant now = Instant.ofEpochSecond(2000000000L);
        String right = totp.at(RFC_SECRET, SecondFactorChecks.stepOf(now));
        Map<String, Runnable> paths = new java.util.LinkedHashMap<>();
        paths.put("no second factor (unknown challenge)", () -> counting.check(null, right, now));
        paths.put("right code", () -> counting.check(active(null), right, now));
        paths.put("replayed code", () -> counting.check(active(SecondFactorChecks.stepOf(now)), right, now));
        paths.put("wrong code", () -> counting.check(active(null), "000000".equals(right) ? "111111" : "000000",
                now));
        paths.put("recovery code", () -> counting.check(active(null), "abcd-efgh-ijkl-mnop", now));
        paths.forEach((path, check) -> {
            int before = made.get();
            check.run();
            assertThat(made.get() - before).as(path).isEqualTo(3);
        });
    }

    @Test
    void base32IsThatOfRfc4648WithoutPadding() {
        Map<String, String> vectors = Map.of("", "", "f", "MY", "fo", "MZXQ", "foo", "MZXW6", "foob", "MZXW6YQ",
                "fooba", "MZXW6YTB", "foobar", "MZXW6YTBOI");
        vectors.forEach((plain, encoded) -> {
            assertThat(Base32.encode(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
            assertThat(Base32.decode(encoded.toLowerCase(Locale.ROOT))).isEqualTo(
                    plain.getBytes(StandardCharsets.US_ASCII));
        });
        byte[] secret = checks.newSecret();
        assertThat(secret).hasSize(20);
        assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
        assertThat(SecretSeal.PLAIN.open(SecretSeal.PLAIN.seal(secret))).isEqualTo(secret);
        assertThat(SecretSeal.PLAIN.seal(secret)).startsWith("plain:");
    }

    @Test
    void recoveryCodesAreTenDistinctGroupsOf80BitsAndTheirHashIgnoresCaseSpacesAndHyphens() {
        List<String> codes = checks.newRecoveryCodes();

        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}"));
        String code = codes.get(0);
        assertThat(SecondFactorChecks.recoveryHash(" " + code.toUpperCase(Locale.ROOT).replace("-", " ")))
                .isEqualTo(SecondFactorChecks.recoveryHash(code)).matches("[0-9a-f]{64}");
        assertThat(SecondFactorChecks.hashes(codes)).doesNotHaveDuplicates();
    }

    @Test
    void theUriEncodesTheIssuerAndTheLogin() {
        MfaEnrolment enrolment = new SecondFactorChecks(SecretSeal.PLAIN,
                MfaPolicy.optional().withIssuer("Ärzte & Co/CRM")).enrolment(RFC_SECRET, EmailAddress.of(
                        "o'hara+crm@example.com"));

        assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/%C3%84rzte%20%26%20Co%2FCRM:"
                + "o%27hara%2Bcrm@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%C3%84rzte%20%26%20Co%2FCRM&");
    }

    private static SecondFactor active(Long lastAcceptedStep) {
        return SecondFactor.restore(new SecondFactorSnapshot(new AccountId(java.util.UUID.randomUUID()), 3,
                SecondFactorStatus.ACTIVE, SecretSeal.PLAIN.seal(RFC_SECRET), Instant.EPOCH, Instant.EPOCH,
                lastAcceptedStep, List.of(), null, null, 0, null, null));
    }
}
