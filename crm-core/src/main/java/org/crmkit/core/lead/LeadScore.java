package org.crmkit.core.lead;

import java.util.List;

/**
 * A lead's score and the rules that produced it: {@code points} is the sum of the reasons' points.
 *
 * @param points  the total
 * @param reasons every rule that gave points, in rule order
 */
public record LeadScore(int points, List<ScoreReason> reasons) {
    /** Copies the reasons and checks the total. */
    public LeadScore {
        reasons = List.copyOf(reasons);
        if (points != total(reasons)) {
            throw new IllegalArgumentException("points must be the sum of the reasons' points");
        }
    }

    /** @param reasons the reasons @return their score */
    public static LeadScore of(List<ScoreReason> reasons) {
        return new LeadScore(total(reasons), reasons);
    }

    /** The sum, refused rather than wrapped when it overflows (the scoring rules keep it far below). */
    private static int total(List<ScoreReason> reasons) {
        return reasons.stream().mapToInt(ScoreReason::points).reduce(0, Math::addExact);
    }
}
