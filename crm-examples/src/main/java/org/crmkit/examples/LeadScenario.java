package org.crmkit.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.crmkit.core.Crm;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.interaction.port.in.InteractionView;
import org.crmkit.core.interaction.port.in.LogInteractionCommand;
import org.crmkit.core.interaction.port.in.TimelineQuery;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.ScoreReason;
import org.crmkit.core.lead.StageChange;
import org.crmkit.core.lead.port.in.ChangeLeadStageCommand;
import org.crmkit.core.lead.port.in.CreateLeadCommand;
import org.crmkit.core.lead.port.in.LeadCommand;
import org.crmkit.core.lead.port.in.LeadConversionView;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.lead.port.in.Leads;
import org.crmkit.core.lead.port.in.MoneyData;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.Role;

/**
 * The sales pipeline scenario a host runs after the {@link StaffScenario}, printing a readable transcript: the sales
 * rep takes a lead from the web form (scored, with the rules that produced the score), logs a call and an email with
 * it, moves it from New to Contacted to Qualified, is refused when losing it without a reason and when reopening it
 * (a sales manager's decision), and converts it into a customer: the customer is registered, the lead's interactions
 * move to the customer and the lead is won, in one transaction. The lead's stage history and the customer's timeline
 * (newest first) close the transcript.
 *
 * <p>The lead's email carries the run's token, so the scenario can run again and again against one database.
 */
public final class LeadScenario {
    private final Crm crm;
    private final Clock clock;
    private final PrintStream out;

    /**
     * @param crm   the configured crmkit instance the host embeds
     * @param clock the clock {@code crm} was built with (interaction times are set from it)
     * @param out   where the transcript goes
     */
    public LeadScenario(Crm crm, Clock clock, PrintStream out) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Runs the scenario once.
     *
     * @param runToken a short token, unique per run, made of letters and digits; it becomes part of the lead's email
     * @param staff    the staff scenario's result of the same run: its sales rep and sales manager act here
     * @return what the host saw at each step
     * @throws CrmException when a step other than the deliberate refusals fails
     */
    public Result run(String runToken, StaffScenario.Result staff) {
        if (runToken == null || !runToken.matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("runToken must be 1 to 16 lower-case letters or digits");
        }
        Actor rep = staff.member(Role.SALES_REP).actor();
        Leads leads = crm.leads();

        section("The sales rep (" + rep.describe() + ") takes a lead from the web form");
        LeadView lead = leads.create(rep, CreateLeadCommand.builder().firstName("Grace").lastName("Lovelace")
                .company("Analytical Engines Ltd").email("grace.lovelace+" + runToken + "@example.org")
                .source(LeadSource.WEB_FORM).estimatedValue(MoneyData.of("18000", "EUR"))
                .notes("asked for a demo of the reporting module").build());
        LeadView created = lead;
        line("created %s  %s %s (%s)  stage=%s owner=%s", lead.id(), lead.firstName(), lead.lastName(),
                lead.company(), lead.stage(), lead.owner());
        printScore(lead);

        section("The rep logs a call and an email with the lead; each moves its last activity and its score");
        Instant now = clock.instant();
        crm.interactions().log(rep, LogInteractionCommand.builder().type(InteractionType.CALL).leadId(lead.id())
                .occurredAt(now.minusSeconds(2 * 3600)).durationSeconds(900L).direction(Direction.OUTBOUND)
                .subject("Discovery call").summary("needs monthly board reports").outcome("demo booked").build());
        crm.interactions().log(rep, LogInteractionCommand.builder().type(InteractionType.EMAIL).leadId(lead.id())
                .occurredAt(now.minusSeconds(3600)).direction(Direction.INBOUND).subject("Budget confirmed")
                .summary("budget for Q3 approved").build());
        lead = leads.findById(rep, lead.id()).orElseThrow();
        line("interactions=%d lastActivityAt=%s", lead.interactions(), lead.lastActivityAt());
        printScore(lead);

        section("The rep moves the lead forward: New -> Contacted -> Qualified");
        for (LeadStage stage : List.of(LeadStage.CONTACTED, LeadStage.QUALIFIED)) {
            lead = leads.changeStage(rep, ChangeLeadStageCommand.to(lead.id(), stage, lead.version()));
            line("stage=%s version=%d", lead.stage(), lead.version());
        }

        section("Losing a lead needs a reason; reopening one is a sales manager's decision");
        InvalidCommandException noReason = null;
        try {
            leads.changeStage(rep, new ChangeLeadStageCommand(lead.id(), LeadStage.LOST, " "));
        } catch (InvalidCommandException e) {
            noReason = e;
            line("refused: %s %s", e.code(), e.fields());
        }
        AccessDeniedException reopenDenied = null;
        try {
            leads.reopen(rep, new LeadCommand(lead.id()));
        } catch (AccessDeniedException e) {
            reopenDenied = e;
            line("refused: %s (the rep may not reopen)", e.code());
        }

        section("The rep converts the qualified lead into a customer");
        LeadConversionView conversion = leads.convert(rep, new LeadCommand(lead.id(), lead.version()));
        lead = conversion.lead();
        line("lead %s stage=%s  customer %s (%s)", lead.id(), lead.stage(), conversion.customerId(),
                conversion.linkedExisting() ? "an existing customer, linked" : "newly registered");
        line("the customer's account manager: %s", crm.customers().findById(rep, conversion.customerId())
                .orElseThrow().accountManager());

        section("The lead's stage history (the raw material of funnel reports)");
        for (StageChange change : lead.history()) {
            line("#%d %-9s -> %-9s at %s by %s %s", change.sequence(),
                    change.from() == null ? "(created)" : change.from(), change.to(), change.at(),
                    change.actorType().name().toLowerCase(Locale.ROOT), change.actorRef());
        }

        section("The customer's timeline, newest first (the lead's interactions moved with the conversion)");
        List<InteractionView> timeline = crm.interactions().timeline(rep,
                TimelineQuery.ofCustomer(conversion.customerId(), 10)).items();
        for (InteractionView i : timeline) {
            line("%s %-7s %-8s \"%s\"%s  from lead %s", i.occurredAt(), i.type(),
                    i.direction() == null ? "" : i.direction(), i.subject(),
                    i.outcome() == null ? "" : " -> " + i.outcome(), i.leadId());
        }
        return new Result(created, lead, conversion, timeline, noReason, reopenDenied);
    }

    private void printScore(LeadView lead) {
        line("score %d, because:", lead.score());
        for (ScoreReason reason : lead.scoreReasons()) {
            line("  +%-3d %-16s %s", reason.points(), reason.rule(), reason.detail());
        }
    }

    private void section(String title) {
        out.println();
        out.println("== " + title);
    }

    private void line(String format, Object... args) {
        out.println("   " + String.format(Locale.ROOT, format, args));
    }

    /**
     * What the host saw at each step of one run.
     *
     * @param created      the lead as created
     * @param won          the lead after its conversion
     * @param conversion   what the conversion did
     * @param timeline     the customer's timeline after the conversion, newest first
     * @param noReason     the refusal of losing the lead without a reason
     * @param reopenDenied the refusal of the rep's reopening
     */
    public record Result(LeadView created, LeadView won, LeadConversionView conversion,
                         List<InteractionView> timeline, InvalidCommandException noReason,
                         AccessDeniedException reopenDenied) {
    }
}
