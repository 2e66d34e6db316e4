package org.crmkit.core.staff.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.shared.Actor;

/**
 * What a login returned ({@link Accounts#login}, {@link Accounts#completeLogin}): the caller is logged in, or their
 * password was right and crmkit waits for a code of their second factor, or for the enrolment of one that their role
 * requires. A failed login is never a result: it is the one {@code AuthenticationFailedException}.
 */
public sealed interface LoginResult permits LoginResult.LoggedIn, LoginResult.SecondFactorRequired,
        LoginResult.EnrolmentRequired {

    /**
     * Logged in.
     *
     * @param actor         the actor to keep in the session and hand to every further call
     * @param recoveryCodes the recovery codes to show the user once, when this login confirmed the enrolment of their
     *                      second factor ({@link EnrolmentRequired}); empty otherwise. crmkit keeps their hashes only
     */
    record LoggedIn(Actor actor, List<String> recoveryCodes) implements LoginResult {
        /** Checks the actor and copies the codes. */
        public LoggedIn {
            Objects.requireNonNull(actor, "actor");
            recoveryCodes = recoveryCodes == null ? List.of() : List.copyOf(recoveryCodes);
        }

        @Override
        public String toString() {
            return "LoggedIn[actor=" + actor.describe() + ", recoveryCodes withheld]";
        }
    }

    /**
     * The password was right and the account has a second factor: ask the user for a code of their authenticator app
     * (or one of their recovery codes) and send it with the challenge to {@link Accounts#completeLogin}.
     *
     * @param challenge opaque, single-use proof that the password step passed; keep it with the half-logged-in
     *                  session (never in a URL). crmkit keeps its hash only, and a newer login of the account replaces it
     * @param expiresAt when it stops being accepted (five minutes on)
     */
    record SecondFactorRequired(String challenge, Instant expiresAt) implements LoginResult {
        /** Checks presence. */
        public SecondFactorRequired {
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "SecondFactorRequired[challenge withheld, expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * The password was right, the user's role requires a second factor (the {@code MfaPolicy} of {@code Crm}) and
     * they have none: show them the enrolment (a QR code of its URI, and its secret for typing in), then send the
     * first code their app shows with the challenge to {@link Accounts#completeLogin}, which confirms the enrolment,
     * logs them in and returns their recovery codes. Until then the user can do nothing else.
     *
     * @param challenge opaque, single-use proof that the password step passed, as in {@link SecondFactorRequired}
     * @param expiresAt when it stops being accepted (fifteen minutes on: time to install an app)
     * @param enrolment the new secret, shown once
     */
    record EnrolmentRequired(String challenge, Instant expiresAt, MfaEnrolment enrolment) implements LoginResult {
        /** Checks presence. */
        public EnrolmentRequired {
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(enrolment, "enrolment");
        }

        @Override
        public String toString() {
            return "EnrolmentRequired[challenge and secret withheld, expiresAt=" + expiresAt + "]";
        }
    }
}
