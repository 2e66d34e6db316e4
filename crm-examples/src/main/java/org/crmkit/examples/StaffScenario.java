package org.crmkit.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.audit.port.in.AuditQuery;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.AccessLogQuery;
import org.crmkit.core.staff.port.in.AccessLogView;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.CreateDepartmentCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.DailyActivity;
import org.crmkit.core.staff.port.in.DailyActivityQuery;
import org.crmkit.core.staff.port.in.DepartmentView;
import org.crmkit.core.staff.port.in.StaffView;

// Over 300 lines on purpose: an example a host developer reads top to bottom as one story (bootstrap, departments,
// staff, logins, password resets, refusals), printing each step; splitting it would scatter the story.
/**
 * The staff scenario a host runs before anything else, printing a readable transcript: the first administrator is
 * bootstrapped (or, on a database that has one already, logs in), creates two departments and five staff users, each
 * of them logs in; a sales rep's refused call shows up in the audit trail, a wrong password gets the one generic
 * error, and the administrator reads the day's access log and activity. {@link Main} hands the CRM manager's actor
 * to the {@link CustomerScenario} next, and the product manager, sales manager and sales rep to the
 * {@link SalesScenario} after it.
 *
 * <p>Department names and staff emails carry the run's token, so the scenario can run again and again against one
 * database; the administrator's credentials are fixed, so a repeated run logs in as the administrator of the first.
 * Passwords are example data written here in the source; the transcript prints none of them, and no hash either.
 */
public final class StaffScenario {
    /** The example administrator's login; fixed, so that a repeated run on one database finds it. */
    public static final String ADMIN_EMAIL = "crm.admin@example.com";
    private static final String ADMIN_PASSWORD = "example admin passphrase, change me";
    private static final String WRONG_PASSWORD = "surely this is the password";
    private static final int ACCESS_LOG_PAGE = 20;

    private static final AccessContext ADMIN_DESK =
            new AccessContext("198.51.100.7", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
    private static final AccessContext INTRUDER = new AccessContext("192.0.2.66", "curl/8.5.0");

    private final Crm crm;
    private final Clock clock;
    private final PrintStream out;

    /**
     * @param crm   the configured crmkit instance the host embeds
     * @param clock the clock {@code crm} was built with (the day of the access log comes from it)
     * @param out   where the transcript goes
     */
    public StaffScenario(Crm crm, Clock clock, PrintStream out) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Runs the scenario once.
     *
     * @param runToken a short token, unique per run, made of letters and digits; it becomes part of every department
     *                 name and staff email
     * @return what the host saw at each step; {@link Result#crmManager()} is the actor for the customer scenario
     * @throws CrmException when a step other than the deliberate refusals fails
     * @throws IllegalStateException when the database has an administrator that is not the example's
     */
    public Result run(String runToken) {
        if (runToken == null || !runToken.matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("runToken must be 1 to 16 lower-case letters or digits");
        }
        section("Bootstrap the first administrator (no actor needed, only while no administrator exists)");
        boolean bootstrapped = bootstrapAdmin();
        Actor adminActor = logInAdmin(bootstrapped);
        StaffView adminProfile = crm.staff().findById(adminActor, ((Actor.Staff) adminActor).id()).orElseThrow();
        Member admin = new Member(adminProfile, adminActor, ADMIN_DESK);
        line("logged in: %s roles=%s", adminActor.describe(), rolesOf(adminActor));

        section("The administrator creates two departments");
        DepartmentView sales = createDepartment(adminActor, "Sales " + runToken);
        DepartmentView care = createDepartment(adminActor, "Customer Care " + runToken);
        Map<DepartmentId, String> departmentNames = Map.of(sales.id(), sales.name(), care.id(), care.name());

        section("The administrator creates five staff users, each with a role and a first password");
        List<Hire> hires = List.of(
                new Hire("Clara", "Meyer", "clara.meyer", care, Role.CRM_MANAGER, "clara keeps the customer book",
                        new AccessContext("203.0.113.10", "Mozilla/5.0 (Macintosh) Safari/605.1.15")),
                new Hire("Samuel", "Okafor", "samuel.okafor", sales, Role.SALES_MANAGER, "pipeline review on friday",
                        new AccessContext("203.0.113.11", "Mozilla/5.0 (Windows NT 10.0) Edg/128.0")),
                new Hire("Rosa", "Díaz", "rosa.diaz", sales, Role.SALES_REP, "seven calls before lunch",
                        new AccessContext("203.0.113.12", "Mozilla/5.0 (Linux; Android 14) Chrome/128.0 Mobile")),
                new Hire("Tomás", "Silva", "tomas.silva", care, Role.SUPPORT_AGENT, "tickets closed with a smile",
                        new AccessContext("2001:db8::1f", "Mozilla/5.0 (X11; Linux x86_64) Chrome/128.0")),
                new Hire("Priya", "Raman", "priya.raman", sales, Role.PRODUCT_MANAGER, "a catalog is never finished",
                        new AccessContext("203.0.113.14", "Mozilla/5.0 (Macintosh) Firefox/128.0")));
        List<StaffView> created = new ArrayList<>();
        for (Hire hire : hires) {
            StaffView user = crm.staff().create(adminActor, hire.command(runToken));
            created.add(user);
            line("created %s  %s %s <%s> department=%s roles=%s active=%s", user.id(), user.firstName(),
                    user.lastName(), user.workEmail(), departmentNames.get(user.department()), user.roles(),
                    user.active());
        }

        section("Each of them logs in (the default PBKDF2 hasher makes every login take a moment)");
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < hires.size(); i++) {
            Hire hire = hires.get(i);
            StaffView user = created.get(i);
            Actor actor = crm.accounts().authenticate(user.workEmail(), hire.password(), hire.context());
            members.add(new Member(user, actor, hire.context()));
            Actor.Staff staff = (Actor.Staff) actor;
            line("%-36s -> %s roles=%s department=%s", user.workEmail(), actor.describe(), staff.roles(),
                    departmentNames.get(staff.department()));
        }
        Member salesRep = members.get(2);

        section("The sales rep asks for the audit trail, which only administrators may read");
        AccessDeniedException denial = readAuditTrailAs(salesRep.actor());
        line("refused: code=%s permission=%s action=%s", denial.code(), denial.permission(), denial.action());
        line("message: %s", denial.getMessage());

        section("The administrator finds the refusal in the audit trail (search by actor and action)");
        List<AuditEntry> denialInTrail = crm.audit().search(adminActor,
                AuditQuery.all(10).by(salesRep.actor()).action("audit.search")).items();
        for (AuditEntry e : denialInTrail) {
            line("%s  %s %s  %s on %s%s  %s", e.at(), e.actorType(), e.actorRef(), e.action(), e.targetType(),
                    e.targetId() == null ? "" : " " + e.targetId(), e.outcome());
        }

        section("Someone tries " + salesRep.profile().workEmail() + " with a wrong password");
        AuthenticationFailedException failedLogin = logInWrongly(salesRep.profile().workEmail());
        line("refused: code=%s", failedLogin.code());
        line("message: %s", failedLogin.getMessage());
        line("(the same message for an unknown email, a locked or a deactivated account; the access log keeps why)");

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        section("The administrator reads the access log of " + today + " (UTC), newest first");
        Map<UUID, String> logins = new HashMap<>();
        logins.put(adminProfile.id().value(), adminProfile.workEmail());
        created.forEach(u -> logins.put(u.id().value(), u.workEmail()));
        Page<AccessLogView> accessLog = crm.accounts().accessLog(adminActor,
                AccessLogQuery.builder().day(today).zone("UTC").page(PageRequest.first(ACCESS_LOG_PAGE)).build());
        for (AccessLogView e : accessLog.items()) {
            line("%s  %-6s %-15s %-36s from %s \"%s\"", e.at(), e.event(), e.outcome(), holder(e.holder(), logins),
                    e.sourceAddress(), e.userAgent());
        }
        if (accessLog.hasNext()) {
            line("(more on the next page)");
        }

        section("Daily activity of " + today + " (UTC): successful logins and distinct users");
        List<DailyActivity> activity = crm.accounts().dailyActivity(adminActor,
                new DailyActivityQuery(today, today, "UTC"));
        for (DailyActivity day : activity) {
            line("%s  logins=%d activeUsers=%d", day.day(), day.logins(), day.activeUsers());
        }
        out.flush();
        return new Result(bootstrapped, admin, List.of(sales, care), List.copyOf(members), denial,
                List.copyOf(denialInTrail), failedLogin, today, accessLog, List.copyOf(activity));
    }

    /** @return whether this run created the administrator ({@code false}: one existed, {@code admin_exists}) */
    private boolean bootstrapAdmin() {
        try {
            StaffView admin = crm.staff().bootstrapAdmin(
                    new BootstrapAdminCommand("Example", "Administrator", ADMIN_EMAIL, ADMIN_PASSWORD));
            line("bootstrapped %s  %s %s <%s> roles=%s", admin.id(), admin.firstName(), admin.lastName(),
                    admin.workEmail(), admin.roles());
            return true;
        } catch (BusinessRuleViolationException e) {
            if (!"admin_exists".equals(e.code())) {
                throw e;
            }
            line("refused: code=%s (%s)", e.code(), e.getMessage());
            line("an earlier run bootstrapped this database; logging in with the example administrator instead");
            return false;
        }
    }

    private Actor logInAdmin(boolean bootstrapped) {
        try {
            return crm.accounts().authenticate(ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_DESK);
        } catch (AuthenticationFailedException e) {
            if (bootstrapped) {
                throw e;
            }
            throw new IllegalStateException("this database has an administrator, but not the example's ("
                    + ADMIN_EMAIL + "); run the example on a database of its own", e);
        }
    }

    private DepartmentView createDepartment(Actor admin, String name) {
        DepartmentView department = crm.departments().create(admin, new CreateDepartmentCommand(name));
        line("created %s  \"%s\" active=%s", department.id(), department.name(), department.active());
        return department;
    }

    private AccessDeniedException readAuditTrailAs(Actor actor) {
        try {
            crm.audit().search(actor, AuditQuery.all(10));
        } catch (AccessDeniedException e) {
            return e;
        }
        throw new IllegalStateException("a sales rep was allowed to read the audit trail");
    }

    private AuthenticationFailedException logInWrongly(String email) {
        try {
            crm.accounts().authenticate(email, WRONG_PASSWORD, INTRUDER);
        } catch (AuthenticationFailedException e) {
            return e;
        }
        throw new IllegalStateException("a wrong password was accepted");
    }

    private static String holder(AccountHolder holder, Map<UUID, String> logins) {
        if (holder == null) {
            return "(no account)";
        }
        String login = logins.get(holder.id());
        return holder.kind().name().toLowerCase(Locale.ROOT) + " " + (login != null ? login : holder.id());
    }

    private static Set<Role> rolesOf(Actor actor) {
        return actor instanceof Actor.Staff s ? s.roles() : Set.of();
    }

    private void section(String title) {
        out.println();
        out.println("== " + title);
    }

    private void line(String format, Object... args) {
        out.println("   " + String.format(Locale.ROOT, format, args));
    }

    /** A staff user the example creates: who, where, which role, a first password and where they log in from. */
    private record Hire(String firstName, String lastName, String localPart, DepartmentView department, Role role,
                        String password, AccessContext context) {
        CreateStaffCommand command(String run) {
            return CreateStaffCommand.builder().firstName(firstName).lastName(lastName)
                    .workEmail(localPart + "+" + run + "@example.com").departmentId(department.id())
                    .roles(Set.of(role.name())).initialPassword(password).build();
        }
    }

    /**
     * A staff user as the host knows them after login.
     *
     * @param profile the user as created
     * @param actor   the actor {@code authenticate} returned, to pass to every further call
     * @param context where they logged in from
     */
    public record Member(StaffView profile, Actor actor, AccessContext context) {
        /** @return the roles crmkit put into the actor */
        public Set<Role> roles() {
            return rolesOf(actor);
        }
    }

    /**
     * What the host saw at each step of one run.
     *
     * @param adminBootstrapped whether this run created the administrator ({@code false} after {@code admin_exists})
     * @param admin             the administrator, logged in
     * @param departments       the two departments created: sales, then customer care
     * @param members           the staff users created and logged in: CRM manager, sales manager, sales rep, support
     *                          agent, product manager
     * @param denial            the refusal of the sales rep's audit trail search
     * @param denialInTrail     the audit entries of the sales rep's audit trail searches, as the administrator found
     *                          them
     * @param failedLogin       the error of the login with a wrong password
     * @param day               the day of the access log and activity (UTC)
     * @param accessLog         the first page of that day's access log, newest first
     * @param dailyActivity     that day's activity
     */
    public record Result(boolean adminBootstrapped, Member admin, List<DepartmentView> departments,
                         List<Member> members, AccessDeniedException denial, List<AuditEntry> denialInTrail,
                         AuthenticationFailedException failedLogin, LocalDate day, Page<AccessLogView> accessLog,
                         List<DailyActivity> dailyActivity) {

        /** @param role a role of one of the five users @return that user */
        public Member member(Role role) {
            return members.stream().filter(m -> m.profile().roles().contains(role)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no member with role " + role));
        }

        /** @return the CRM manager's actor, for the {@link CustomerScenario} */
        public Actor crmManager() {
            return member(Role.CRM_MANAGER).actor();
        }
    }
}
