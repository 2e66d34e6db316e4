package org.crmkit.core.lead;

import java.util.Objects;

/**
 * One rule's part in a lead's score: which rule, how many points, and what about the lead made it apply.
 *
 * @param rule   the rule's stable name: {@code source}, {@code estimated_value}, {@code interactions},
 *               {@code recent_activity}, {@code email}, {@code phone} or {@code company}
 * @param points the points it gave
 * @param detail what matched, such as {@code "source REFERRAL"}; ids and enum names only, never personal data
 */
public record ScoreReason(String rule, int points, String detail) {
    /** Checks the parts. */
    public ScoreReason {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }
}
