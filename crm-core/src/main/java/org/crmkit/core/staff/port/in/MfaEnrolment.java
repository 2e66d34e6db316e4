package org.crmkit.core.staff.port.in;

import java.util.Objects;

/**
 * A second factor's new secret, handed out once: show the URI as a QR code for an authenticator app (and the secret
 * for typing in), then confirm with the first code the app shows. Neither is kept in a readable form by the host.
 *
 * @param secret     the TOTP secret, 160 random bits in Base32 (RFC 4648, no padding)
 * @param otpauthUri {@code otpauth://totp/<issuer>:<login>?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30},
 *                   the format authenticator apps read; it names the issuer of the {@code MfaPolicy} and the login
 *                   email, nothing else of the person
 */
public record MfaEnrolment(String secret, String otpauthUri) {
    /** Checks presence. */
    public MfaEnrolment {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(otpauthUri, "otpauthUri");
    }

    @Override
    public String toString() {
        return "MfaEnrolment[withheld]";
    }
}
