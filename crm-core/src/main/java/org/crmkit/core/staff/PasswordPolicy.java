package org.crmkit.core.staff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.InvalidValueException;

/**
 * What a new password must be, after OWASP's guidance (length over composition rules): 12 to 128 characters
 * (counted as code points, so any script and emoji count once), not the account's email or its local part, and not
 * in a list of common passwords (the shipped one, or the host's, compared lower-cased). Spaces are allowed and kept.
 */
public final class PasswordPolicy {
    /** Shortest password accepted. */
    public static final int MIN_LENGTH = 12;
    /** Longest password accepted. */
    public static final int MAX_LENGTH = 128;
    private static final String SHIPPED_LIST = "common-passwords.txt";

    private final Set<String> refused;

    private PasswordPolicy(Set<String> refused) {
        this.refused = Set.copyOf(refused);
    }

    /** @return the policy with the common-password list shipped in crmkit's jar */
    public static PasswordPolicy standard() {
        return new PasswordPolicy(load());
    }

    /**
     * @param moreRefused further passwords to refuse, such as a host's own list (compared lower-cased)
     * @return this policy refusing those too
     */
    public PasswordPolicy refusing(Set<String> moreRefused) {
        Set<String> all = new HashSet<>(refused);
        moreRefused.forEach(p -> all.add(p.toLowerCase(Locale.ROOT)));
        return new PasswordPolicy(all);
    }

    /**
     * @param field    the field named in the error, such as {@code "newPassword"}
     * @param password the proposed password
     * @param login    the account's login email
     * @throws InvalidValueException naming the field and the rule it breaks
     */
    public void check(String field, String password, EmailAddress login) {
        if (password == null) {
            throw new InvalidValueException(field, "must not be null");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidValueException(field, "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (login != null) {
            String email = login.value().toLowerCase(Locale.ROOT);
            String localPart = email.substring(0, email.indexOf('@'));
            if (lower.contains(email) || lower.strip().equals(localPart)) {
                throw new InvalidValueException(field, "must not be the email address");
            }
        }
        if (refused.contains(lower) || refused.contains(lower.strip())) {
            throw new InvalidValueException(field, "is too common; choose a less predictable password");
        }
    }

    private static Set<String> load() {
        try (InputStream in = Objects.requireNonNull(PasswordPolicy.class.getResourceAsStream(SHIPPED_LIST),
                SHIPPED_LIST);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Set<String> list = new HashSet<>();
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> list.add(l.toLowerCase(Locale.ROOT)));
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped common-password list", e);
        }
    }
}
