package org.crmkit.core.staff;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.internal.Texts;

/**
 * Who must sign in with a second factor (a TOTP code, RFC 6238), and the name authenticator apps show for crmkit's
 * codes. Any staff user or customer with an account may enrol a second factor; a staff user holding one of
 * {@code requiredRoles} must: their login answers {@code EnrolmentRequired} until they have one. The roles are those
 * stored for the user when they log in. Staff users who sign in through the host's own single sign-on never log in
 * through crmkit, so the policy does not reach them (their identity provider decides about factors).
 *
 * @param requiredRoles the roles whose holders must use a second factor (empty: none must)
 * @param issuer        the issuer named in the {@code otpauth://} URI, which authenticator apps show beside the login:
 *                      1 to 64 characters, no colon, no control characters
 */
public record MfaPolicy(Set<Role> requiredRoles, String issuer) {
    /** The issuer when the host names none. */
    public static final String DEFAULT_ISSUER = "crmkit";
    /** Longest issuer accepted. */
    public static final int MAX_ISSUER = 64;

    /** Checks the settings and copies the roles. */
    public MfaPolicy {
        Objects.requireNonNull(requiredRoles, "requiredRoles");
        requiredRoles = requiredRoles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(requiredRoles));
        if (issuer == null || issuer.isBlank() || issuer.length() > MAX_ISSUER) {
            throw new InvalidValueException("issuer", "must be 1 to " + MAX_ISSUER + " characters");
        }
        // the colon separates the issuer from the account in the URI's label
        if (issuer.indexOf(':') >= 0 || Texts.problem(issuer, false) != null) {
            throw new InvalidValueException("issuer", "must hold no colon and no control characters");
        }
    }

    /** @return the default: a second factor is optional for everyone, the issuer is {@value #DEFAULT_ISSUER} */
    public static MfaPolicy optional() {
        return new MfaPolicy(Set.of(), DEFAULT_ISSUER);
    }

    /**
     * @param roles the roles whose holders must use a second factor, such as {@code Role.ADMIN}
     * @return a policy requiring it of them, optional for everyone else
     */
    public static MfaPolicy requiredFor(Role... roles) {
        return new MfaPolicy(Set.of(roles), DEFAULT_ISSUER);
    }

    /** @param name the issuer authenticator apps show, such as the host's product name @return this policy with it */
    public MfaPolicy withIssuer(String name) {
        return new MfaPolicy(requiredRoles, name);
    }

    /** @param roles a staff user's stored roles @return whether a holder of those roles must use a second factor */
    public boolean requires(Set<Role> roles) {
        return roles.stream().anyMatch(requiredRoles::contains);
    }
}
