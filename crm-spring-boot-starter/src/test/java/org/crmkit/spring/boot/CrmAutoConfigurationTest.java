package org.crmkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.EventPublisher;
import org.crmkit.core.spi.CrmPersistence;
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
    void propertiesBindUnderCrmkit() {
        runner.withPropertyValues("crmkit.migrate=false", "crmkit.password-reset-token-ttl=2h",
                "crmkit.lockout.max-failures=3", "crmkit.lockout.window=10m", "crmkit.lockout.lock-duration=1h")
                .run(context -> {
                    CrmProperties properties = context.getBean(CrmProperties.class);
                    assertThat(properties.isMigrate()).isFalse();
                    assertThat(properties.getPasswordResetTokenTtl()).isEqualTo(Duration.ofHours(2));
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
}
