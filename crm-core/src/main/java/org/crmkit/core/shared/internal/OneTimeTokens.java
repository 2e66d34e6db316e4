package org.crmkit.core.shared.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The one-time tokens crmkit hands to a host to deliver (password resets, contact verifications, invitations): 256
 * random bits, URL-safe, of which only the SHA-256 hash is stored. A token this long needs no slow hash: guessing
 * one is as hard as guessing the hash's input.
 */
public final class OneTimeTokens {
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeTokens() {
    }

    /** @return a new token text, 43 URL-safe characters */
    public static String next() {
        byte[] secret = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** @param token a token text, as delivered @return its SHA-256 in hex: what is stored of a token */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
