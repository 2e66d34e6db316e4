package org.crmkit.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.crmkit.core.Crm;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.SignedUpCustomer;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.Gender;
import org.crmkit.core.customer.port.in.AddressData;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.customer.port.in.PersonalDataExport;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;

/**
 * The customer scenario a host runs end to end, printing a readable transcript: a CRM manager (a staff user who
 * logged in, see {@link StaffScenario}) registers three customers, a
 * visitor registers themself, a duplicate registration is refused, the new customers are listed page by page, one
 * person's data is exported as JSON and then erased. It runs unchanged on any persistence; {@link Main} and the
 * host-style tests share it.
 *
 * <p>Every email and phone number carries the run's token, so the scenario can run again and again against one
 * database; the search is limited to customers registered since the scenario started for the same reason.
 */
public final class CustomerScenario {
    private static final int PAGE_SIZE = 2;
    private static final String VISITOR_PASSWORD = "a visitor's own long passphrase";
    private static final AccessContext VISITOR = new AccessContext("203.0.113.9", "Mozilla/5.0 (Macintosh)");

    private final Crm crm;
    private final Clock clock;
    private final PrintStream out;
    private final Mailbox mailbox;

    /**
     * @param crm     the configured crmkit instance the host embeds
     * @param clock   the clock {@code crm} was built with (the search window comes from it)
     * @param out     where the transcript goes
     * @param mailbox the contact verification notifier {@code crm} was built with, read as the visitor's inbox
     */
    public CustomerScenario(Crm crm, Clock clock, PrintStream out, Mailbox mailbox) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
    }

    /**
     * Runs the scenario once.
     *
     * @param runToken a short token, unique per run, made of letters and digits; it becomes part of every email
     * @param staff    a logged-in staff user who may export and erase customers: a CRM manager (or an
     *                 administrator), as {@code crm.accounts().authenticate(...)} returned them
     * @return what the host saw at each step
     * @throws CrmException when a step other than the deliberate duplicate fails
     */
    public Result run(String runToken, Actor staff) {
        if (runToken == null || !runToken.matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("runToken must be 1 to 16 lower-case letters or digits");
        }
        if (!(staff instanceof Actor.Staff member)) {
            throw new IllegalArgumentException("staff must be a staff actor, was " + (staff == null ? null
                    : staff.describe()));
        }
        Customers customers = crm.customers();
        Instant started = clock.instant().truncatedTo(ChronoUnit.MICROS);

        section("Staff " + member.id() + " (roles " + member.roles() + ") register three customers");
        List<CustomerView> registered = new ArrayList<>();
        for (RegisterCustomerCommand command : staffRegistrations(runToken)) {
            CustomerView customer = customers.register(staff, command);
            registered.add(customer);
            line("registered %s  %s", customer.id(), describe(customer));
        }

        section("A visitor signs up: a token goes to their email, and they sign up with it (no one else can)");
        String visitorEmail = "grace.hopper+" + runToken + "@example.com";
        crm.accounts().requestSignUp(visitorEmail, VISITOR);
        SignedUpCustomer visitor = crm.accounts().signUpCustomer(CustomerSignUpCommand.builder()
                .token(mailbox.latestTokenFor(visitorEmail)).firstName("Grace").lastName("Hopper")
                .email(visitorEmail).marketingConsent(true).password(VISITOR_PASSWORD).build(), VISITOR);
        CustomerView selfRegistered = customers.findById(visitor.actor(), visitor.customerId()).orElseThrow();
        line("signed up %s  %s", selfRegistered.id(), describe(selfRegistered));

        section("Staff register the first email again, in upper case");
        CustomerView first = registered.get(0);
        ConflictException duplicate = registerDuplicate(customers, staff, first);
        line("rejected: code=%s field=%s", duplicate.code(), duplicate.field());
        line("message:  %s", duplicate.getMessage());

        section("Search: customers registered by this run, sorted by name, " + PAGE_SIZE + " per page");
        CustomerSearchQuery query = CustomerSearchQuery.builder().registeredFrom(started)
                .sort(CustomerSort.NAME_ASC).page(PageRequest.first(PAGE_SIZE)).build();
        List<Page<CustomerView>> pages = new ArrayList<>();
        Page<CustomerView> page = customers.search(staff, query);
        pages.add(page);
        printPage(1, page);
        while (page.hasNext()) {
            page = customers.search(staff, query.withPage(query.page().next(page.nextCursor().orElseThrow())));
            pages.add(page);
            printPage(pages.size(), page);
        }

        section("Personal-data export (GDPR access) of " + first.id());
        PersonalDataExport export = customers.exportPersonalData(staff, first.id());
        String exportJson = ExportJson.write(export);
        out.println(exportJson);

        section("Erase " + first.id() + " (GDPR erasure), then view the record");
        customers.erase(staff, first.id());
        CustomerView erased = customers.findById(staff, first.id()).orElseThrow();
        line("status=%s version=%d firstName=%s lastName=%s email=%s phone=%s address=%s",
                erased.status(), erased.version(), erased.firstName(), erased.lastName(), erased.email(),
                erased.phone(), erased.address());
        line("kept: id=%s registeredAt=%s source=%s", erased.id(), erased.registeredAt(), erased.source());
        out.flush();
        return new Result(List.copyOf(registered), selfRegistered, duplicate, List.copyOf(pages), export, exportJson,
                erased);
    }

    private List<RegisterCustomerCommand> staffRegistrations(String run) {
        return List.of(
                RegisterCustomerCommand.builder().firstName("Ada").lastName("Lovelace")
                        .email("ada.lovelace+" + run + "@example.com").phone(phoneFor(run))
                        .address(AddressData.builder().line1("12 St James's Square").postalCode("SW1Y 4JH")
                                .city("London").countryCode("GB").build())
                        .dateOfBirth(LocalDate.of(1815, 12, 10)).gender(Gender.FEMALE).source(CustomerSource.OTHER)
                        .build(),
                RegisterCustomerCommand.builder().firstName("Alan").lastName("Turing")
                        .email("alan.turing+" + run + "@example.com").source(CustomerSource.REFERRAL).build(),
                RegisterCustomerCommand.builder().firstName("Søren").lastName("Kierkegaard")
                        .email("soren.kierkegaard+" + run + "@example.com")
                        .address(AddressData.builder().line1("Nytorv 2").postalCode("1450").city("København")
                                .countryCode("dk").build())
                        .source(CustomerSource.OTHER).marketingConsent(true).build());
    }

    /** A phone number unique to the run, because phone numbers are unique among customers that are not erased. */
    private static String phoneFor(String run) {
        return String.format(Locale.ROOT, "+41 44 %07d", Math.floorMod(run.hashCode(), 10_000_000));
    }

    private ConflictException registerDuplicate(Customers customers, Actor staff, CustomerView existing) {
        try {
            customers.register(staff, RegisterCustomerCommand.builder().firstName("Augusta Ada")
                    .lastName("King").email(existing.email().toUpperCase(Locale.ROOT)).source(CustomerSource.OTHER)
                    .build());
        } catch (ConflictException e) {
            return e;
        }
        throw new IllegalStateException("the duplicate registration was accepted");
    }

    private void printPage(int number, Page<CustomerView> page) {
        line("page %d: %s%s", number,
                page.items().stream().map(c -> c.lastName() + ", " + c.firstName()).collect(Collectors.joining("; ")),
                page.hasNext() ? "  (next cursor: " + abbreviate(page.nextCursor().orElseThrow()) + ")" : "  (last page)");
    }

    private static String describe(CustomerView c) {
        return c.firstName() + " " + c.lastName() + " <" + c.email() + ">"
                + (c.phone() == null ? "" : " " + c.phone())
                + (c.address() == null ? "" : " " + c.address().city() + ", " + c.address().countryCode())
                + " source=" + c.source() + " status=" + c.status() + " version=" + c.version();
    }

    private static String abbreviate(String cursor) {
        return cursor.length() <= 12 ? cursor : cursor.substring(0, 12) + "...";
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
     * @param registered     the three customers staff registered, in order
     * @param selfRegistered the customer who registered themself
     * @param duplicate      the refusal of the duplicate registration
     * @param pages          the search pages, in order
     * @param export         the personal-data export of the first customer
     * @param exportJson     the export as printed
     * @param erased         the first customer as viewed after erasure
     */
    public record Result(List<CustomerView> registered, CustomerView selfRegistered, ConflictException duplicate,
                         List<Page<CustomerView>> pages, PersonalDataExport export, String exportJson,
                         CustomerView erased) {
    }
}
