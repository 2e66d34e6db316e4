package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The second step of a login: the challenge the password step returned and a code.
 *
 * @param challenge the challenge of {@link LoginResult.SecondFactorRequired} or {@link LoginResult.EnrolmentRequired}
 * @param code      the 6 digits the authenticator app shows (a space in the middle is fine), or one of the recovery
 *                  codes (16 letters and digits, hyphens and case ignored) when the device is lost
 */
public record SecondFactorCommand(@NotBlank @Size(max = 128) String challenge,
                                  @NotBlank @Size(max = 64)
                                  @Pattern(regexp = MfaCodeCommand.CODE_PATTERN, message = MfaCodeCommand.CODE_MESSAGE)
                                  String code) {
    @Override
    public String toString() {
        return "SecondFactorCommand[withheld]";
    }
}
