package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A code of the caller's own second factor: the first one, to confirm an enrolment, or a current one, to disable it.
 *
 * @param code the 6 digits the authenticator app shows (a space in the middle is fine); to disable, one of the
 *             recovery codes is accepted as well
 */
public record MfaCodeCommand(@NotBlank @Size(max = 64) @Pattern(regexp = CODE_PATTERN, message = CODE_MESSAGE)
                             String code) {
    /** Six digits, or a recovery code: 16 Base32 characters in groups of four, hyphens or spaces between optional. */
    static final String CODE_PATTERN = " *(?:[0-9]{3} ?[0-9]{3}|(?:[A-Za-z2-7]{4}[ -]?){3}[A-Za-z2-7]{4}) *";
    /** What a refused code is told. */
    static final String CODE_MESSAGE = "must be the 6 digits of an authenticator app or a recovery code";

    @Override
    public String toString() {
        return "MfaCodeCommand[withheld]";
    }
}
