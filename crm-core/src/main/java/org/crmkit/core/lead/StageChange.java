package org.crmkit.core.lead;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.shared.ActorType;

/**
 * One entry of a lead's append-only stage history, the raw material of funnel and conversion reports.
 *
 * @param sequence  1 for the lead's creation, then one more per change
 * @param from      the stage before, or {@code null} for the creation
 * @param to        the stage after
 * @param at        when
 * @param actorType who made the change: the kind of actor
 * @param actorRef  who made the change: the staff or customer id, or the system process's name
 * @param reason    why the lead was lost (only for {@code LOST}), else {@code null}
 */
public record StageChange(int sequence, LeadStage from, LeadStage to, Instant at, ActorType actorType,
                          String actorRef, String reason) {
    /** Checks the required parts. */
    public StageChange {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1");
        }
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorType, "actorType");
        Objects.requireNonNull(actorRef, "actorRef");
    }
}
