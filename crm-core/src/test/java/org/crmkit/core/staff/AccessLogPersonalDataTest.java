package org.crmkit.core.staff;

import org.crmkit.core.testing.SignUps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.audit.port.in.AuditQuery;
import org.crmkit.core.internal.AreaPorts;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.AccessLogQuery;
import org.crmkit.core.staff.port.in.AccessLogView;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.DailyActivity;
import org.crmkit.core.staff.port.in.DailyActivityQuery;
import org.crmkit.core.staff.port.in.ExpireAccessContextCommand;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the access log keeps of a caller's network (issue 18, finding 3): a customer's erasure blanks the source address
 * and user agent of their account's entries, and the retention job blanks them on every entry older than the
 * retention; either way the entries stay, with their time, event and outcome, and the daily counts do not change.
 */
class AccessLogPersonalDataTest {
    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    private static final String ADMIN_PASSWORD = "a long admin passphrase 1";
    private static final String CUSTOMER_PASSWORD = "a customer passphrase 2";
    private static final AccessContext HOME = new AccessContext("203.0.113.99", "Mozilla/5.0 (Jane's laptop)");
    private static final AccessContext OFFICE = new AccessContext("192.0.2.10", "Mozilla/5.0 (Office)");
    private static final Actor JOBS = Actor.system("retention");

    private MutableClock clock;
    private AreaPorts store;
    private Crm crm;
    private Actor admin;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        store = new AreaPorts(InMemoryCrmPersistence.create());
        crm = crm(Duration.ofDays(90));
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.com", ADMIN_PASSWORD));
        admin = crm.accounts().authenticate("ada@example.com", ADMIN_PASSWORD, OFFICE);
    }

    private Crm crm(Duration retention) {
        return Crm.builder().persistence(store).clock(clock).accessLogRetention(retention)
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000)).build();
    }

    @Test
    void erasingACustomerBlanksTheAddressAndUserAgentOfTheirEntriesAndKeepsTheEntries() {
        CustomerId jane = signUp("jane@example.org"); // logs her in
        clock.advance(Duration.ofMinutes(1));
        crm.accounts().authenticate("jane@example.org", CUSTOMER_PASSWORD, HOME);
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> crm.accounts().authenticate("jane@example.org", "wrong", HOME))
                .isInstanceOf(AuthenticationFailedException.class);
        clock.advance(Duration.ofMinutes(1));
        crm.accounts().logout(Actor.customer(jane), HOME);
        List<AccessLogView> before = entries();
        assertThat(before).filteredOn(e -> HOME.sourceAddress().equals(e.sourceAddress())).hasSize(4);
        List<DailyActivity> countedBefore = dailyActivity();

        crm.customers().erase(admin, jane);

        List<AccessLogView> after = entries();
        assertThat(after).extracting(AccessLogView::id).containsExactlyElementsOf(before.stream()
                .map(AccessLogView::id).toList());
        assertThat(after).filteredOn(e -> AccountHolder.of(jane).equals(e.holder())).hasSize(4).allSatisfy(e -> {
            assertThat(e.sourceAddress()).isNull();
            assertThat(e.userAgent()).isNull();
        }).extracting(AccessLogView::event, AccessLogView::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AccessEvent.LOGOUT, AccessOutcome.SUCCESS),
                org.assertj.core.groups.Tuple.tuple(AccessEvent.LOGIN, AccessOutcome.BAD_CREDENTIALS),
                org.assertj.core.groups.Tuple.tuple(AccessEvent.LOGIN, AccessOutcome.SUCCESS),
                org.assertj.core.groups.Tuple.tuple(AccessEvent.LOGIN, AccessOutcome.SUCCESS));
        assertThat(after).filteredOn(e -> !AccountHolder.of(jane).equals(e.holder()))
                .as("the administrator's entries keep theirs")
                .allSatisfy(e -> assertThat(e.sourceAddress()).isEqualTo(OFFICE.sourceAddress()));
        assertThat(after).extracting(AccessLogView::at).containsExactlyElementsOf(before.stream()
                .map(AccessLogView::at).toList());
        assertThat(dailyActivity()).isEqualTo(countedBefore);
    }

    @Test
    void theRetentionJobBlanksWhatIsOlderThanNinetyDaysAndKeepsTheRest() {
        crm.staff().create(admin, new CreateStaffCommand("Rob", "Rep", "rob@example.com", null, Set.of("SALES_REP"),
                "rep passphrase with spaces"));
        clock.advance(Duration.ofDays(10));
        crm.accounts().authenticate("rob@example.com", "rep passphrase with spaces", HOME);
        clock.advance(Duration.ofDays(80).plusMinutes(1)); // the admin's login is over 90 days old, Rob's 80 days
        Instant asOf = clock.instant();

        assertThat(crm.accounts().expireAccessContext(JOBS, new ExpireAccessContextCommand(asOf)))
                .as("the administrator's login, made more than 90 days before").isEqualTo(1);

        assertThat(entries()).extracting(AccessLogView::sourceAddress).containsExactly(HOME.sourceAddress(), null);
        assertThat(entries()).extracting(AccessLogView::userAgent).containsExactly(HOME.userAgent(), null);
        assertThat(crm.accounts().expireAccessContext(JOBS, new ExpireAccessContextCommand(asOf)))
                .as("a run again blanks nothing").isZero();
        assertThat(crm.audit().search(admin, AuditQuery.all(10).action("access_log.retention")).items())
                .singleElement().satisfies(e -> assertThat(e.actorRef()).isEqualTo("retention"));
        clock.advance(Duration.ofDays(10));
        assertThat(crm.accounts().expireAccessContext(admin, new ExpireAccessContextCommand(clock.instant())))
                .as("an administrator may run it by hand").isEqualTo(1);
        assertThat(entries()).allSatisfy(e -> assertThat(e.sourceAddress()).isNull()).hasSize(2);
    }

    @Test
    void theRetentionIsTheBuildersAndRunsInBatchesOverEveryOldEntry() {
        AccessLogEntry kept = entry(START.minus(Duration.ofDays(29)));
        List<AccessLogEntry> old = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            old.add(entry(START.minus(Duration.ofDays(31)).plusSeconds(i)));
        }
        store.unitOfWork().inTransaction(() -> {
            old.forEach(store.accessLog()::append);
            store.accessLog().append(kept);
        });

        long blanked = crm(Duration.ofDays(30)).accounts().expireAccessContext(JOBS,
                new ExpireAccessContextCommand(START));

        assertThat(blanked).isEqualTo(1_234);
        List<AccessLogEntry> stored = store.unitOfWork().inTransaction(() -> store.accessLog().search(
                new org.crmkit.core.staff.port.out.AccessLogCriteria(null, null, START, null), 2_000));
        assertThat(stored).hasSize(1_235);
        assertThat(stored).filteredOn(e -> e.sourceAddress() != null).extracting(AccessLogEntry::id)
                .containsExactlyInAnyOrder(kept.id());
        assertThat(crm.audit().search(admin, AuditQuery.all(10).action("access_log.retention")).items())
                .as("one entry per batch of 500").hasSize(3);
    }

    @Test
    void aRetentionRunInTheFutureOrWithoutAnInstantIsRefusedByNameAndBlanksNothing() {
        clock.advance(Duration.ofDays(200));
        List<AccessLogView> before = entries();

        assertThatThrownBy(() -> crm.accounts().expireAccessContext(JOBS,
                new ExpireAccessContextCommand(clock.instant().plusSeconds(1))))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        e -> assertThat(e.fields()).containsExactly("asOf"));
        assertThatThrownBy(() -> crm.accounts().expireAccessContext(JOBS, new ExpireAccessContextCommand(null)))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        e -> assertThat(e.fields()).containsExactly("asOf"));
        assertThatThrownBy(() -> crm.accounts().expireAccessContext(JOBS,
                new ExpireAccessContextCommand(Instant.MIN))).isInstanceOfSatisfying(InvalidCommandException.class,
                        e -> assertThat(e.fields()).containsExactly("asOf"));

        assertThat(entries()).isEqualTo(before);
        assertThat(entries()).allSatisfy(e -> assertThat(e.sourceAddress()).isNotNull());
    }

    @Test
    void onlyAdministratorsAndTheSystemRunTheRetention() {
        crm.staff().create(admin, new CreateStaffCommand("Cleo", "Crm", "cleo@example.com", null,
                Set.of("CRM_MANAGER"), "crm passphrase with spaces"));
        Actor crmManager = crm.accounts().authenticate("cleo@example.com", "crm passphrase with spaces", OFFICE);
        clock.advance(Duration.ofDays(100));

        assertThatThrownBy(() -> crm.accounts().expireAccessContext(crmManager,
                new ExpireAccessContextCommand(clock.instant()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.accounts().expireAccessContext(Actor.anonymous(),
                new ExpireAccessContextCommand(clock.instant()))).isInstanceOf(AccessDeniedException.class);

        assertThat(entries()).allSatisfy(e -> assertThat(e.sourceAddress()).isNotNull());
    }

    @Test
    void aRetentionUnderADayOrOverTenYearsIsRefusedWhenTheCrmIsBuilt() {
        for (Duration bad : new Duration[] {null, Duration.ofHours(23), Duration.ofDays(3651), Duration.ZERO}) {
            assertThatThrownBy(() -> Crm.builder().accessLogRetention(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("accessLogRetention must be 1 day to 3650 days");
        }
        assertThat(Crm.builder().accessLogRetention(Duration.ofDays(1))).isNotNull();
        assertThat(Crm.builder().accessLogRetention(Duration.ofDays(3650))).isNotNull();
    }

    private CustomerId signUp(String email) {
        return crm.accounts().signUpCustomer(SignUps.command(crm, "Jane", "Doe", email, null, false,
                CUSTOMER_PASSWORD), HOME).customerId();
    }

    private List<AccessLogView> entries() {
        return crm.accounts().accessLog(admin, AccessLogQuery.builder().page(PageRequest.first(100)).build())
                .items();
    }

    private List<DailyActivity> dailyActivity() {
        return crm.accounts().dailyActivity(admin, new DailyActivityQuery(START.atZone(ZoneOffset.UTC).toLocalDate(),
                clock.instant().atZone(ZoneOffset.UTC).toLocalDate(), null));
    }

    private static AccessLogEntry entry(Instant at) {
        return new AccessLogEntry(UuidV7.next(java.time.Clock.fixed(at, ZoneOffset.UTC)), at, AccessEvent.LOGIN,
                AccessOutcome.UNKNOWN_ACCOUNT, null, null, "198.51.100.1", "curl/8");
    }
}
