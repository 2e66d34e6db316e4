package org.crmkit.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.Role;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.SlaTarget;
import org.crmkit.core.ticket.TicketChannel;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.TicketStatus;
import org.crmkit.core.ticket.port.in.AssignTicketCommand;
import org.crmkit.core.ticket.port.in.ChangeTicketStatusCommand;
import org.crmkit.core.ticket.port.in.CommentTicketCommand;
import org.crmkit.core.ticket.port.in.PickUpTicketCommand;
import org.crmkit.core.ticket.port.in.SlaCheckResult;
import org.crmkit.core.ticket.port.in.SubmitTicketCommand;
import org.crmkit.core.ticket.port.in.SupportReport;
import org.crmkit.core.ticket.port.in.SupportReportQuery;
import org.crmkit.core.ticket.port.in.TicketView;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;

/**
 * The support scenario a host runs after the {@link SalesScenario}: the customer who bought on the web submits a
 * ticket about that purchase; the administrator puts it in the customer care queue, where the support agent picks
 * it up, notes something internal, answers and asks a question (the ticket waits on the customer: its resolution
 * clock stands still, no due instant), the customer answers (the clock runs again) and the agent resolves it. The
 * customer's view of the ticket has no internal comment, and the customer cannot write one. A second ticket nobody
 * answers is notified as breached by {@code checkSla} run as a scheduled job two weeks later (in a second instance on
 * the same persistence, whose clock reads {@link #SLA_JOB_RUNS_LATER} ahead: {@code checkSla} refuses an instant after
 * its clock's now), once (a second run notifies nothing). The CRM manager reads the support report of the day.
 *
 * <p>The host builds its {@code Crm} and the job's with the {@link Inbox} as their {@link SlaBreachNotifier}.
 */
public final class TicketScenario {
    /** How much later than the host's clock the SLA breach job runs. */
    public static final Duration SLA_JOB_RUNS_LATER = Duration.ofDays(14);
    private static final Actor SCHEDULER = Actor.system("sla-scheduler");
    private final Crm crm;
    private final Clock clock;
    private final PrintStream out;
    private final Inbox inbox;
    private final Crm slaJob;

    /**
     * @param crm   the instance, built with {@code inbox} as its SLA breach notifier
     * @param clock its clock
     * @param out   where the transcript goes
     * @param inbox  the breach notifier the instance was built with
     * @param slaJob the host's SLA breach job: a second {@code Crm} on the same persistence, its clock
     *               {@link #SLA_JOB_RUNS_LATER} ahead, with {@code inbox} as its breach notifier
     */
    public TicketScenario(Crm crm, Clock clock, PrintStream out, Inbox inbox, Crm slaJob) {
        this.crm = crm;
        this.clock = clock;
        this.out = out;
        this.inbox = inbox;
        this.slaJob = slaJob;
    }

    /**
     * @param runToken the run's token
     * @param staff    the staff scenario's result
     * @param sales    the sales scenario's result
     * @return what happened
     */
    public Result run(String runToken, StaffScenario.Result staff, SalesScenario.Result sales) {
        Actor customer = sales.selfCustomer();
        Actor admin = staff.admin().actor();
        Actor agent = staff.member(Role.SUPPORT_AGENT).actor();
        DepartmentId care = staff.departments().get(1).id();
        Instant start = clock.instant();

        section("The customer submits a ticket about their web purchase");
        TicketView submitted = crm.tickets().submit(customer, SubmitTicketCommand.builder()
                .customerId(((Actor.Customer) customer).id()).subject("Parcel arrived damaged " + runToken)
                .description("The box was crushed.").category("delivery").priority(TicketPriority.NORMAL)
                .channel(TicketChannel.WEB).purchaseId(sales.webPurchase().id()).build());
        TicketId id = submitted.id();
        line("ticket %s %s, first response due %s, resolution due %s", id, submitted.status(),
                submitted.firstResponseDueAt(), submitted.resolutionDueAt());

        section("The administrator queues it for customer care; the support agent picks it up");
        crm.tickets().assign(admin,
                AssignTicketCommand.builder().ticketId(id).departmentId(care).reason("delivery issue").build());
        TicketView picked = crm.tickets().pickUp(agent, new PickUpTicketCommand(id));
        line("assigned to %s in department %s", picked.assignee(), picked.departmentId());

        section("The agent notes something internal, answers, and waits on the customer");
        crm.tickets().comment(agent, new CommentTicketCommand(id, true, "Courier damage, claim with the carrier"));
        crm.tickets().comment(agent, new CommentTicketCommand(id, false, "Sorry! Could you send a photo?"));
        TicketView waiting = crm.tickets().changeStatus(agent, new ChangeTicketStatusCommand(id,
                TicketStatus.WAITING_ON_CUSTOMER, "photo requested"));
        line("%s: first responded at %s, resolution due %s (the clock stands still)", waiting.status(),
                waiting.firstRespondedAt(), waiting.resolutionDueAt());

        section("The customer answers: the clock runs again; their view has no internal comment");
        InvalidCommandException internalRefused = null;
        try {
            crm.tickets().comment(customer, new CommentTicketCommand(id, true, "psst"));
        } catch (InvalidCommandException e) {
            internalRefused = e;
            line("an internal comment by the customer is refused: code=%s fields=%s", e.code(), e.fields());
        }
        TicketView answered = crm.tickets().comment(customer, new CommentTicketCommand(id, false, "Photo attached"));
        TicketView customerView = crm.tickets().findById(customer, id).orElseThrow();
        line("%s, resolution due %s; the customer sees %d of %d comments", answered.status(),
                answered.resolutionDueAt(), customerView.comments().size(),
                crm.tickets().findById(agent, id).orElseThrow().comments().size());
        TicketView resolved = crm.tickets().changeStatus(agent, new ChangeTicketStatusCommand(id,
                TicketStatus.RESOLVED, "replacement sent"));
        line("%s at %s", resolved.status(), resolved.resolvedAt());

        section("A second ticket nobody answers; the SLA job runs two weeks on");
        TicketView forgotten = crm.tickets().submit(customer, SubmitTicketCommand.builder()
                .customerId(((Actor.Customer) customer).id()).subject("Invoice copy " + runToken)
                .description("Please send it again.").category("billing").priority(TicketPriority.LOW)
                .channel(TicketChannel.EMAIL).departmentId(care).build());
        Instant later = clock.instant().plus(SLA_JOB_RUNS_LATER);
        SlaCheckResult firstRun = slaJob.tickets().checkSla(SCHEDULER, later);
        SlaCheckResult secondRun = slaJob.tickets().checkSla(SCHEDULER, later);
        List<String> notices = inbox.notices().stream().filter(n -> n.startsWith(forgotten.id().toString()))
                .toList();
        line("first run notified %d, second run %d; for ticket %s: %s", firstRun.notified(), secondRun.notified(),
                forgotten.id(), notices);

        section("The CRM manager reads the support report of the day");
        SupportReport report = crm.tickets().report(staff.crmManager(), new SupportReportQuery(
                start.minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(1))));
        line("opened %d, resolved %d, backlog %d, first response median %s, compliance %s%%", report.opened(),
                report.resolved(), report.backlog(), report.firstResponse().median(), report.compliance().percent());
        return new Result(submitted, waiting, answered, customerView, internalRefused, resolved, forgotten,
                firstRun, secondRun, notices, report);
    }

    private void section(String title) {
        out.println();
        out.println("== " + title);
    }

    private void line(String format, Object... args) {
        out.println("   " + String.format(Locale.ROOT, format, args));
    }

    /**
     * The host's SLA breach notifier of this example: keeps each notice (ticket id and target, nothing personal).
     * Thread-safe.
     */
    public static final class Inbox implements SlaBreachNotifier {
        private final List<String> notices = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void breached(TicketId ticketId, SlaTarget target, Instant dueAt) {
            notices.add(ticketId + " " + target);
        }

        /** @return the notices so far, as {@code "<ticket id> <target>"} */
        public List<String> notices() {
            synchronized (notices) {
                return List.copyOf(notices);
            }
        }
    }

    /**
     * What the scenario saw.
     *
     * @param submitted       the first ticket as submitted
     * @param waiting         it, waiting on the customer
     * @param answered        it, after the customer's answer
     * @param customerView    it, as the customer sees it
     * @param internalRefused the refusal of the customer's internal comment
     * @param resolved        it, resolved
     * @param forgotten       the second ticket, as submitted
     * @param firstRun        the first SLA job run
     * @param secondRun       the second SLA job run
     * @param notices         the breach notices about the second ticket
     * @param report          the support report
     */
    public record Result(TicketView submitted, TicketView waiting, TicketView answered, TicketView customerView,
                         InvalidCommandException internalRefused, TicketView resolved, TicketView forgotten,
                         SlaCheckResult firstRun, SlaCheckResult secondRun, List<String> notices,
                         SupportReport report) {
    }
}
