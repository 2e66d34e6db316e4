package org.crmkit.core.lead.internal.domain;

import org.crmkit.core.shared.CrmError;
import org.crmkit.core.lead.LeadError;
import org.crmkit.core.lead.LeadContact;
import org.crmkit.core.lead.LeadSnapshot;
import org.crmkit.core.lead.LeadScore;
import org.crmkit.core.lead.LeadEvents;
import org.crmkit.core.lead.LeadScoring;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.StageChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.Texts;

// Over 300 lines: the lead's stage machine, its history and its score change together in each method, and each
// public method (used by the service, the adapters and the tests) keeps its javadoc; scoring itself lives in
// LeadScoring.
/**
 * A lead of the sales pipeline: someone who may become a customer. Life cycle: created {@code NEW}, moved forward
 * one stage at a time ({@code NEW -> CONTACTED -> QUALIFIED}; a referral may skip from {@code NEW} to
 * {@code QUALIFIED}), lost from any open stage with a reason, won only by {@link #convert conversion} of a qualified
 * lead, and reopened from {@code WON} or {@code LOST} to the stage it was closed from. Every stage change appends one
 * {@link StageChange} (from, to, when, who); the history is never rewritten. The score is recomputed with every
 * change and explains itself.
 */
public final class Lead extends AggregateRoot {
    static final String TYPE = "lead";
    /** Most characters of the notes and of a lost reason. */
    public static final int MAX_NOTES = 2000;

    private final LeadId id;
    private final Instant createdAt;
    private LeadContact contact;
    private LeadSource source;
    private Money estimatedValue;
    private String notes;
    private StaffId owner;
    private Instant assignedAt;
    private LeadStage stage;
    private String lostReason;
    private LeadScore score;
    private int interactions;
    private Instant lastActivityAt;
    private CustomerId convertedTo;
    private final List<StageChange> history;

    private Lead(LeadSnapshot s) {
        super(TYPE, s.version());
        id = s.id();
        createdAt = s.createdAt();
        contact = s.contact();
        source = s.source();
        estimatedValue = s.estimatedValue();
        notes = s.notes();
        owner = s.owner();
        assignedAt = s.assignedAt();
        stage = s.stage();
        lostReason = s.lostReason();
        score = s.score();
        interactions = s.interactions();
        lastActivityAt = s.lastActivityAt();
        convertedTo = s.convertedTo();
        history = new ArrayList<>(s.history());
    }

    /**
     * Creates a {@code NEW} lead, scored, with the first history entry.
     *
     * @param id             the new id
     * @param contact        who it is
     * @param source         how it came in
     * @param estimatedValue what it may be worth (not negative), or {@code null}
     * @param notes          free notes, or {@code null}
     * @param owner          its owner, or {@code null} for an unassigned lead
     * @param scoring        the scoring rules
     * @param by             who creates it
     * @param now            the current time
     * @return the lead
     */
    public static Lead create(LeadId id, LeadContact contact, LeadSource source, Money estimatedValue, String notes,
                              StaffId owner, LeadScoring scoring, Actor by, Instant now) {
        Lead lead = new Lead(new LeadSnapshot(id, 0, contact, Objects.requireNonNull(source, "source"),
                checkValue(estimatedValue), checkText("notes", notes), owner, owner == null ? null : now,
                LeadStage.NEW, null, LeadScore.of(List.of()), 0, now, now, null,
                List.of(new StageChange(1, null, LeadStage.NEW, now, by.type(), by.reference(), null))));
        lead.score = scoring.score(lead.facts(), now);
        lead.record(new LeadEvents.LeadCreated(id, source, now));
        if (owner != null) {
            lead.record(new LeadEvents.LeadAssigned(id, owner, now));
        }
        return lead;
    }

    /** @param snapshot a stored state @return the lead */
    public static Lead restore(LeadSnapshot snapshot) {
        return new Lead(snapshot);
    }

    /**
     * Replaces contact, source, value and notes, and rescores. Allowed in every stage but a converted lead's.
     *
     * @param newContact who it is
     * @param newSource  how it came in
     * @param newValue   what it may be worth, or {@code null}
     * @param newNotes   free notes, or {@code null}
     * @param scoring    the scoring rules
     * @param now        the current time
     * @throws BusinessRuleViolationException {@code lead_converted} once converted
     */
    public void changeDetails(LeadContact newContact, LeadSource newSource, Money newValue, String newNotes,
                              LeadScoring scoring, Instant now) {
        requireNotErased();
        requireNotConverted();
        Money value = checkValue(newValue);
        String text = checkText("notes", newNotes);
        if (newContact.equals(contact) && newSource == source && Objects.equals(value, estimatedValue)
                && Objects.equals(text, notes)) {
            return;
        }
        contact = Objects.requireNonNull(newContact, "contact");
        source = Objects.requireNonNull(newSource, "source");
        estimatedValue = value;
        notes = text;
        lastActivityAt = later(lastActivityAt, now);
        score = scoring.score(facts(), now);
        record(new LeadEvents.LeadDetailsChanged(id, now));
    }

    /**
     * Moves an open lead forward, or to {@code LOST} with a reason.
     *
     * @param to      the new stage: {@code CONTACTED}, {@code QUALIFIED} or {@code LOST}
     * @param reason  why it is lost (required for {@code LOST}, else ignored)
     * @param scoring the scoring rules
     * @param by      who moves it
     * @param now     the current time
     * @throws BusinessRuleViolationException {@code lead_closed} for a won or lost lead, {@code lead_won_by_conversion}
     *                                        for {@code WON}, {@code illegal_transition} for any other move
     * @throws InvalidValueException          ({@code reason}) for {@code LOST} without a reason
     */
    public void moveTo(LeadStage to, String reason, LeadScoring scoring, Actor by, Instant now) {
        Objects.requireNonNull(to, "to");
        requireNotErased();
        if (stage.isClosed()) {
            throw new BusinessRuleViolationException(LeadError.LEAD_CLOSED, "lead " + id + " is " + stage
                    + "; a sales manager may reopen it", Map.of("stage", stage.name()));
        }
        if (to == LeadStage.WON) {
            throw new BusinessRuleViolationException(LeadError.LEAD_WON_BY_CONVERSION,
                    "lead " + id + " is won by converting it into a customer");
        }
        if (to == LeadStage.LOST) {
            String text = checkText("reason", reason);
            if (text == null) {
                throw new InvalidValueException("reason", "is required when a lead is lost");
            }
            lostReason = text;
        } else if (!isForward(stage, to)) {
            throw new BusinessRuleViolationException(CrmError.ILLEGAL_TRANSITION, "lead " + id + " cannot move from "
                    + stage + " to " + to, Map.of("from", stage.name(), "to", to.name()));
        }
        change(to, to == LeadStage.LOST ? lostReason : null, scoring, by, now);
    }

    /** The documented forward moves: one stage at a time, and a referral may skip from NEW to QUALIFIED. */
    private boolean isForward(LeadStage from, LeadStage to) {
        return from == LeadStage.NEW && to == LeadStage.CONTACTED
                || from == LeadStage.CONTACTED && to == LeadStage.QUALIFIED
                || from == LeadStage.NEW && to == LeadStage.QUALIFIED && source == LeadSource.REFERRAL;
    }

    /**
     * Reopens a won or lost lead: it returns to the stage it was closed from. A reopened converted lead keeps its
     * customer; converting it again links it to that customer.
     *
     * @param scoring the scoring rules
     * @param by      who reopens it
     * @param now     the current time
     * @throws BusinessRuleViolationException {@code lead_not_closed} for an open lead
     */
    public void reopen(LeadScoring scoring, Actor by, Instant now) {
        requireNotErased();
        if (!stage.isClosed()) {
            throw new BusinessRuleViolationException(LeadError.LEAD_NOT_CLOSED, "lead " + id + " is " + stage
                    + ", not won or lost", Map.of("stage", stage.name()));
        }
        LeadStage back = history.get(history.size() - 1).from();
        lostReason = null;
        change(back == null ? LeadStage.NEW : back, null, scoring, by, now);
    }

    /**
     * Gives the lead to an owner; assigning it to its current owner changes nothing.
     *
     * @param newOwner the staff user
     * @param now      the current time
     * @throws BusinessRuleViolationException {@code lead_converted} once converted
     */
    public void assignTo(StaffId newOwner, Instant now) {
        Objects.requireNonNull(newOwner, "newOwner");
        requireNotErased();
        requireNotConverted();
        if (newOwner.equals(owner)) {
            return;
        }
        owner = newOwner;
        assignedAt = now;
        record(new LeadEvents.LeadAssigned(id, newOwner, now));
    }

    /**
     * Marks a qualified lead won, converted into (or linked to) a customer.
     *
     * @param customer       the customer
     * @param linkedExisting whether that customer existed before
     * @param scoring        the scoring rules
     * @param by             who converts it
     * @param now            the current time
     * @throws BusinessRuleViolationException {@code lead_not_qualified} unless the lead is {@code QUALIFIED}
     */
    public void convert(CustomerId customer, boolean linkedExisting, LeadScoring scoring, Actor by, Instant now) {
        requireNotErased();
        requireQualified();
        convertedTo = Objects.requireNonNull(customer, "customer");
        change(LeadStage.WON, null, scoring, by, now);
        record(new LeadEvents.LeadConverted(id, customer, linkedExisting, now));
    }

    /**
     * @throws BusinessRuleViolationException {@code lead_not_qualified} unless the lead is {@code QUALIFIED}
     */
    public void requireQualified() {
        if (stage != LeadStage.QUALIFIED) {
            throw new BusinessRuleViolationException(LeadError.LEAD_NOT_QUALIFIED, "lead " + id + " is " + stage
                    + "; only a qualified lead is converted", Map.of("stage", stage.name()));
        }
    }

    /**
     * An interaction was logged against the lead: its last activity moves to the interaction's time (never back),
     * and it is rescored. Records no event: the interaction's own event tells.
     *
     * @param at      the interaction's time
     * @param scoring the scoring rules
     * @param now     the current time
     * @throws BusinessRuleViolationException {@code lead_converted} once converted (log against the customer)
     */
    public void recordInteraction(Instant at, LeadScoring scoring, Instant now) {
        requireNotErased();
        requireNotConverted();
        interactions++;
        lastActivityAt = later(lastActivityAt, at);
        score = scoring.score(facts(), now);
    }

    private void change(LeadStage to, String reason, LeadScoring scoring, Actor by, Instant now) {
        LeadStage from = stage;
        stage = to;
        history.add(new StageChange(history.size() + 1, from, to, now, by.type(), by.reference(), reason));
        lastActivityAt = later(lastActivityAt, now);
        score = scoring.score(facts(), now);
        record(new LeadEvents.LeadStageChanged(id, from, to, now));
    }

    /** @return whether the lead's personal data was erased (its own erasure, or its customer's) */
    public boolean isErased() {
        return snapshot().isErased();
    }

    /**
     * An erased lead is final: nothing about it changes any more.
     *
     * @throws BusinessRuleViolationException {@code lead_erased} once erased
     */
    public void requireNotErased() {
        if (isErased()) {
            throw new BusinessRuleViolationException(LeadError.LEAD_ERASED, "lead " + id + " was erased");
        }
    }

    private void requireNotConverted() {
        if (convertedTo != null && stage == LeadStage.WON) {
            throw new BusinessRuleViolationException(LeadError.LEAD_CONVERTED, "lead " + id + " was converted into customer "
                    + convertedTo, Map.of("customerId", convertedTo.toString()));
        }
    }

    private LeadScoring.Facts facts() {
        return new LeadScoring.Facts(source, estimatedValue, interactions, lastActivityAt, contact.email() != null,
                contact.phone() != null, contact.company() != null);
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    private static Money checkValue(Money value) {
        if (value != null && value.isNegative()) {
            throw new InvalidValueException("estimatedValue", "must not be negative");
        }
        return value;
    }

    /**
     * The rule for notes and reasons, for use cases that name every bad field before they call the domain.
     *
     * @param field the field, for a refusal
     * @param text  the text, or {@code null}
     * @return the trimmed text, or {@code null} when blank
     * @throws InvalidValueException when longer than {@link #MAX_NOTES} characters
     */
    public static String checkText(String field, String text) {
        return Texts.optional(field, text, MAX_NOTES, true);
    }

    /** @return the id */
    public LeadId id() {
        return id;
    }

    /** @return the owner, or {@code null} while unassigned */
    public StaffId owner() {
        return owner;
    }

    /** @return the stage */
    public LeadStage stage() {
        return stage;
    }

    /** @return the lead's contact */
    public LeadContact contact() {
        return contact;
    }

    /** @return the customer it was converted into, or {@code null} */
    public CustomerId convertedTo() {
        return convertedTo;
    }

    @Override
    protected Object identity() {
        return id;
    }

    /** @return the current state */
    public LeadSnapshot snapshot() {
        return new LeadSnapshot(id, version(), contact, source, estimatedValue, notes, owner, assignedAt, stage,
                lostReason, score, interactions, createdAt, lastActivityAt, convertedTo, history);
    }
}
