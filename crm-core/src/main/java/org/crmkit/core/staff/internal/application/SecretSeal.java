package org.crmkit.core.staff.internal.application;

/**
 * How a second factor's TOTP secret is kept in its row: the hook that encryption at rest fills in (ADR 0016). The TOTP
 * check needs the secret itself, so it cannot be hashed like a password; sealed text names its scheme first, so rows
 * sealed one way still open after another takes over (a row is sealed anew when its secret is replaced).
 *
 * <p>Today's one scheme is {@link #PLAIN}: {@code plain:} and the secret in Base32, readable by whoever reads the
 * table. Until a field-encryption port lands, keep {@code crm_second_factor} from readers that need not see it (the
 * grants of the embedding guide, an encrypted disk, encrypted backups).
 */
interface SecretSeal {
    /** The scheme of today: no encryption, the secret's Base32 behind {@code plain:}. */
    SecretSeal PLAIN = new SecretSeal() {
        private static final String PREFIX = "plain:";

        @Override
        public String seal(byte[] secret) {
            return PREFIX + Base32.encode(secret);
        }

        @Override
        public byte[] open(String sealed) {
            if (!sealed.startsWith(PREFIX)) {
                // no part of it in the message: it may be the secret itself
                throw new IllegalStateException("a second factor's secret is sealed with a scheme this version of "
                        + "crmkit does not know");
            }
            return Base32.decode(sealed.substring(PREFIX.length()));
        }
    };

    /** @param secret the secret @return it as stored */
    String seal(byte[] secret);

    /** @param sealed what {@link #seal} stored @return the secret */
    byte[] open(String sealed);
}
