package org.crmkit.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Set;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

/** What a new password must be, as a host configures the policy and checks a password with it. */
class PasswordPolicyRulesTest {
    private static final EmailAddress ROB = EmailAddress.of("rob@example.com");

    @Test
    void aMissingPasswordIsRefusedNamingTheField() {
        InvalidValueException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidValueException.class,
                () -> PasswordPolicy.standard().check("newPassword", null, ROB));

        assertThat(e.field()).isEqualTo("newPassword");
    }

    @Test
    void theHostsOwnListIsRefusedIgnoringCaseOnTopOfTheShippedOne() {
        PasswordPolicy policy = PasswordPolicy.standard().refusing(Set.of("Acme Corp Winter 2026"));

        InvalidValueException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidValueException.class,
                () -> policy.check("newPassword", "ACME corp winter 2026", ROB));
        assertThat(e.field()).isEqualTo("newPassword");
        assertThat(e.reason()).contains("too common");
        assertThatCode(() -> PasswordPolicy.standard().check("newPassword", "ACME corp winter 2026", ROB))
                .as("the standard policy alone accepts it").doesNotThrowAnyException();
        assertThatCode(() -> policy.check("newPassword", "acme corp summer 2026", ROB)).doesNotThrowAnyException();
    }
}
