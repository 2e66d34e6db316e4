package org.crmkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.Tier;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EventPublisher;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.shared.Role;
import org.crmkit.core.staff.MfaPolicy;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.LoginResult;
import org.crmkit.core.staff.port.out.PasswordHasher;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.ticket.SupportSla;
import org.crmkit.core.ticket.TicketChannel;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.port.in.SubmitTicketCommand;
import org.crmkit.core.ticket.port.in.TicketView;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What the auto-configuration creates, and that it backs off for the application's own beans; no database. */
class CrmAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmAutoConfiguration.class));

    @Test
    void anApplicationsOwnCrmMakesTheAutoConfigurationBackOff() {
        Crm own = Crm.builder().build();
        runner.withBean(Crm.class, () -> own).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Crm.class)).isSameAs(own);
            assertThat(context).doesNotHaveBean(CrmPersistence.class);
        });
    }

    @Test
    void withoutADataSourceThereIsNoCrmRatherThanASilentlyInMemoryOne() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Crm.class);
            assertThat(context).hasSingleBean(EventPublisher.class);
        });
    }

    @Test
    void theApplicationsPersistenceClockAndPublisherAreUsed() {
        CrmPersistence persistence = Crm.inMemoryPersistence();
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        EventPublisher publisher = event -> { };
        runner.withBean(CrmPersistence.class, () -> persistence)
                .withBean(Clock.class, () -> clock)
                .withBean(EventPublisher.class, () -> publisher)
                .run(context -> {
                    assertThat(context).hasSingleBean(Crm.class);
                    assertThat(context.getBean(CrmPersistence.class)).isSameAs(persistence);
                    assertThat(context.getBean(Clock.class)).isSameAs(clock);
                    assertThat(context.getBean(EventPublisher.class)).isSameAs(publisher);
                });
    }

    @Test
    void anApplicationsContactVerificationNotifierReceivesTheSignUpToken() {
        java.util.List<org.crmkit.core.customer.port.out.ContactVerificationNotifier.Message> outbox =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        runner.withBean(CrmPersistence.class, Crm::inMemoryPersistence)
                .withBean(org.crmkit.core.customer.port.out.ContactVerificationNotifier.class, () -> outbox::add)
                .run(context -> {
                    context.getBean(Crm.class).accounts().requestSignUp("grace@example.com",
                            org.crmkit.core.staff.port.in.AccessContext.unknown());
                    assertThat(outbox).singleElement().satisfies(m -> {
                        assertThat(m.address()).isEqualTo("grace@example.com");
                        assertThat(m.token()).hasSize(43);
                    });
                });
    }

    @Test
    void propertiesBindUnderCrmkit() {
        runner.withPropertyValues("crmkit.migrate=false", "crmkit.password-reset-token-ttl=2h",
                "crmkit.access-log-retention=30d",
                "crmkit.lockout.max-failures=3", "crmkit.lockout.window=10m", "crmkit.lockout.lock-duration=1h")
                .run(context -> {
                    CrmProperties properties = context.getBean(CrmProperties.class);
                    assertThat(properties.isMigrate()).isFalse();
                    assertThat(properties.getPasswordResetTokenTtl()).isEqualTo(Duration.ofHours(2));
                    assertThat(properties.getAccessLogRetention()).isEqualTo(Duration.ofDays(30));
                    assertThat(properties.getLockout().toPolicy()).isEqualTo(
                            new org.crmkit.core.staff.LockoutPolicy(3, Duration.ofMinutes(10), Duration.ofHours(1)));
                });
    }

    @Test
    void aSettingCrmkitRefusesStopsTheStart() {
        runner.withBean(CrmPersistence.class, Crm::inMemoryPersistence)
                .withPropertyValues("crmkit.password-reset-token-ttl=25h")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("passwordResetTokenTtl must be 1 minute to 24 hours"));
    }

    @Test
    void anAccessLogRetentionUnderADayStopsTheStart() {
        runner.withBean(CrmPersistence.class, Crm::inMemoryPersistence)
                .withPropertyValues("crmkit.access-log-retention=12h")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("accessLogRetention must be 1 day to 3650 days"));
    }

    @Test
    void theSlaPropertiesReachTheTicketsDueTimes() {
        // a Saturday: the standard calendar (Monday to Friday) would put the first answer on Monday
        Clock saturday = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
        runner.withBean(CrmPersistence.class, Crm::inMemoryPersistence).withBean(Clock.class, () -> saturday)
                .withPropertyValues("crmkit.sla.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
                        "crmkit.sla.opens=08:00", "crmkit.sla.closes=20:00",
                        "crmkit.sla.targets.normal.first-response=3h", "crmkit.sla.targets.normal.resolution=6h",
                        "crmkit.sla.category-targets.billing.normal.first-response=1h",
                        "crmkit.sla.category-targets.billing.normal.resolution=2h")
                .run(context -> {
                    Crm crm = context.getBean(Crm.class);
                    assertThat(submit(crm, "delivery").firstResponseDueAt())
                            .isEqualTo(Instant.parse("2026-12-05T13:00:00Z"));
                    TicketView billing = submit(crm, "billing");
                    assertThat(billing.firstResponseDueAt()).isEqualTo(Instant.parse("2026-12-05T11:00:00Z"));
                    assertThat(billing.resolutionDueAt()).as("6 h would run past 20:00 into Sunday")
                            .isEqualTo(Instant.parse("2026-12-05T12:00:00Z"));
                });
    }

    @Test
    void anMfaPolicyBeanOfTheApplicationMakesItsRolesEnrolAtLogin() {
        runner.withBean(CrmPersistence.class, Crm::inMemoryPersistence)
                .withBean(PasswordHasher.class, () -> Pbkdf2PasswordHasher.withIterations(1_000))
                .withBean(MfaPolicy.class, () -> MfaPolicy.requiredFor(Role.ADMIN).withIssuer("Acme CRM"))
                .run(context -> {
                    Crm crm = context.getBean(Crm.class);
                    crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.com",
                            "a long admin passphrase 1"));
                    assertThat(crm.accounts().login("ada@example.com", "a long admin passphrase 1",
                            AccessContext.unknown())).isInstanceOfSatisfying(LoginResult.EnrolmentRequired.class,
                                    e -> assertThat(e.enrolment().otpauthUri()).contains("issuer=Acme%20CRM"));
                });
    }

    @Test
    void aSupportSlaBeanOfTheApplicationWinsOverTheProperties() {
        Clock saturday = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
        runner.withBean(CrmPersistence.class, Crm::inMemoryPersistence).withBean(Clock.class, () -> saturday)
                .withBean(SupportSla.class, SupportSla::standard)
                .withPropertyValues("crmkit.sla.working-days=SATURDAY", "crmkit.sla.targets.normal.first-response=3h",
                        "crmkit.sla.targets.normal.resolution=6h")
                .run(context -> assertThat(submit(context.getBean(Crm.class), "delivery").firstResponseDueAt())
                        .as("standard: 8 business hours from Monday 09:00 UTC")
                        .isEqualTo(Instant.parse("2026-12-07T17:00:00Z")));
    }

    @Test
    void unsetSlaAndLoyaltyPropertiesGiveCrmkitsStandards() {
        runner.run(context -> {
            CrmProperties properties = context.getBean(CrmProperties.class);
            SupportSla sla = properties.getSla().toSla();
            SupportSla standard = SupportSla.standard();
            assertThat(sla.calendar()).isEqualTo(standard.calendar());
            assertThat(sla.reopenWindow()).isEqualTo(standard.reopenWindow());
            assertThat(sla.defaultQueue()).isEmpty();
            for (TicketPriority priority : TicketPriority.values()) {
                assertThat(sla.targetsFor(priority, "any")).isEqualTo(standard.targetsFor(priority, "any"));
            }
            LoyaltyProgram program = properties.getLoyalty().toProgram();
            LoyaltyProgram standardProgram = LoyaltyProgram.standard();
            assertThat(program.tiers()).isEqualTo(standardProgram.tiers());
            assertThat(program.tierWindow()).isEqualTo(standardProgram.tierWindow());
            assertThat(program.pointsLifetime()).isEqualTo(standardProgram.pointsLifetime());
            assertThat(program.rounding()).isEqualTo(standardProgram.rounding());
        });
    }

    @Test
    void loyaltyPropertiesBindToTheProgram() {
        runner.withPropertyValues("crmkit.loyalty.points-per-unit.EUR=2", "crmkit.loyalty.other-currencies=0",
                "crmkit.loyalty.tiers[0].name=BASIC", "crmkit.loyalty.tiers[0].threshold=0",
                "crmkit.loyalty.tiers[1].name=PLUS", "crmkit.loyalty.tiers[1].threshold=2000",
                "crmkit.loyalty.tiers[1].multiplier=1.5", "crmkit.loyalty.tier-window=6m",
                "crmkit.loyalty.points-lifetime=24m", "crmkit.loyalty.rounding=half-up",
                "crmkit.sla.default-queue=0191c7a0-0000-7000-8000-000000000001", "crmkit.sla.reopen-window=3d")
                .run(context -> {
                    CrmProperties properties = context.getBean(CrmProperties.class);
                    LoyaltyProgram program = properties.getLoyalty().toProgram();
                    assertThat(program.tiers()).containsExactly(new Tier("BASIC", 0, BigDecimal.ONE),
                            new Tier("PLUS", 2000, new BigDecimal("1.5")));
                    assertThat(program.tierWindow()).isEqualTo(Period.ofMonths(6));
                    assertThat(program.pointsLifetime()).isEqualTo(Period.ofMonths(24));
                    assertThat(program.rounding()).isEqualTo(RoundingMode.HALF_UP);
                    SupportSla sla = properties.getSla().toSla();
                    assertThat(sla.defaultQueue()).contains(
                            new DepartmentId(UUID.fromString("0191c7a0-0000-7000-8000-000000000001")));
                    assertThat(sla.reopenWindow()).isEqualTo(Duration.ofDays(3));
                });
    }

    @Test
    void aRefusedSlaOrLoyaltySettingStopsTheStartNamingTheProperty() {
        runner.withBean(CrmPersistence.class, Crm::inMemoryPersistence)
                .withPropertyValues("crmkit.loyalty.tiers[0].name=no spaces allowed")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("tier name must be"));
        runner.withBean(CrmPersistence.class, Crm::inMemoryPersistence)
                .withPropertyValues("crmkit.loyalty.tiers[0].name=no spaces allowed")
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining(
                        "crmkit.loyalty.tiers[0]: tier name must be"));
        runner.withBean(CrmPersistence.class, Crm::inMemoryPersistence)
                .withPropertyValues("crmkit.sla.targets.high.first-response=1h")
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining(
                        "crmkit.sla.targets.high: set both first-response and resolution"));
        runner.withBean(CrmPersistence.class, Crm::inMemoryPersistence)
                .withPropertyValues("crmkit.sla.holidays=25.12.2026")
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining(
                        "crmkit.sla.holidays: not a date (yyyy-MM-dd): 25.12.2026"));
        runner.withBean(CrmPersistence.class, Crm::inMemoryPersistence)
                .withPropertyValues("crmkit.loyalty.points-per-unit.XYZ1=1")
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining(
                        "crmkit.loyalty.points-per-unit.XYZ1"));
    }

    private static TicketView submit(Crm crm, String category) {
        CustomerView customer = crm.customers().register(Actor.system("test"), RegisterCustomerCommand.builder()
                .firstName("Ada").lastName("Lovelace").email(category + "@example.com").source(CustomerSource.OTHER)
                .build());
        return crm.tickets().submit(Actor.customer(customer.id()), SubmitTicketCommand.builder()
                .customerId(customer.id()).subject("A question about " + category).description("Please help.")
                .category(category).priority(TicketPriority.NORMAL).channel(TicketChannel.WEB).build());
    }
}
