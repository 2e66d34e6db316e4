package org.crmkit.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.Crm;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example host: builds {@code Crm} once and runs the {@link StaffScenario} (administrator, departments, staff,
 * logins, access log), then the {@link CustomerScenario} as the CRM manager who logged in there, then the
 * {@link SalesScenario} (catalog, purchases, a return, histories) with the staff and customers of the two, then the
 * {@link LoyaltyScenario} (the points those purchases earned, a redemption, a claw-back, an adjustment, a CSV import
 * run twice), then the {@link QuoteScenario} (a customer's quote, answered, accepted, its purchase and
 * points), then the {@link LeadScenario} (a lead from New to Won, converted into a customer, and its timeline), then
 * the {@link TaskScenario} (a task with a reminder, the reminder sent once by the host's job, the task completed),
 * then the {@link FeedbackScenario} (ratings, responses, the customer's view, a product's statistics),
 * printing their transcript to standard output. The loyalty program is
 * {@link LoyaltyScenario#program(Clock)}, whose promotion makes the points' explanations worth reading. Last comes the
 * {@link TicketScenario} (a ticket through its life with its SLA clock paused and resumed, a breach notified, the
 * support report); the host's SLA breach notifier is a {@link TicketScenario.Inbox}. Runs on the
 * in-memory default; when the environment variable {@code CRM_JDBC_URL} is set (with {@code CRM_JDBC_USER} and
 * {@code CRM_JDBC_PASSWORD}), runs the same scenarios on MySQL through {@code MyBatisCrmPersistence}. Passwords are
 * hashed with crmkit's default (PBKDF2, 600,000 iterations), so each login (and the customer's sign-up) takes a
 * moment.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        // Hibernate Validator logs through JBoss Logging; send it to SLF4J like everything else in this host.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        Clock clock = Clock.systemUTC();
        String url = System.getenv("CRM_JDBC_URL");
        boolean onMySql = url != null && !url.isBlank();
        LoyaltyProgram program = LoyaltyScenario.program(clock);
        TicketScenario.Inbox inbox = new TicketScenario.Inbox();
        Mailbox mailbox = new Mailbox();
        CrmPersistence persistence = onMySql
                ? MySqlCrm.persistence(url, System.getenv("CRM_JDBC_USER"), System.getenv("CRM_JDBC_PASSWORD"))
                : Crm.inMemoryPersistence();
        Crm crm = Crm.builder().clock(clock).persistence(persistence).loyaltyProgram(program)
                .slaBreachNotifier(inbox).contactVerificationNotifier(mailbox).build();
        String runToken = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        LOG.info("running the staff, customer, sales, loyalty, quote, lead, task, feedback and ticket scenarios on {} "
                + "persistence, run {}",
                onMySql ? "MySQL" : "in-memory", runToken);

        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("crmkit example host: " + (onMySql ? "MySQL via MyBatisCrmPersistence (CRM_JDBC_URL)"
                : "in-memory persistence (set CRM_JDBC_URL to run on MySQL)") + ", run " + runToken);
        StaffScenario.Result staff = new StaffScenario(crm, clock, out).run(runToken);
        CustomerScenario.Result customers = new CustomerScenario(crm, clock, out, mailbox).run(runToken, staff.crmManager());
        SalesScenario.Result sales = new SalesScenario(crm, clock, out, mailbox).run(runToken, staff, customers);
        new LoyaltyScenario(crm, clock, out).run(runToken, staff, sales);
        new QuoteScenario(crm, clock, out).run(runToken, staff, sales);
        new LeadScenario(crm, clock, out).run(runToken, staff);
        new TaskScenario(crm, clock, out, notifier -> Crm.builder().persistence(persistence)
                .clock(Clock.offset(clock, TaskScenario.JOB_RUNS_LATER)).reminderNotifier(notifier).build()).run(runToken, staff, customers);
        new FeedbackScenario(crm, clock, out).run(runToken, staff, sales);
        new TicketScenario(crm, clock, out, inbox, Crm.builder().persistence(persistence)
                .clock(Clock.offset(clock, TicketScenario.SLA_JOB_RUNS_LATER)).slaBreachNotifier(inbox).build())
                .run(runToken, staff, sales);
    }
}
