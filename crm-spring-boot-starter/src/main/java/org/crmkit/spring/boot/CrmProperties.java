package org.crmkit.spring.boot;

import java.time.Duration;
import org.crmkit.core.staff.LockoutPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code crmkit.*} settings of the auto-configured {@link org.crmkit.core.Crm}. Each default is crmkit's own; a
 * value crmkit refuses (a reset token TTL outside 1 minute to 24 hours, an access log retention under a day, a lockout
 * of 0 failures, a tier without a name) stops the application at start-up with crmkit's message, naming the property.
 * Page sizes are not settings: each search takes its own {@code PageRequest}, up to crmkit's documented maximum.
 */
@ConfigurationProperties(prefix = "crmkit")
public class CrmProperties {
    /**
     * Whether crmkit's Flyway migrations (classpath:db/crmkit/migration, history table crm_schema_history) run on the
     * application's DataSource at start-up. Switch off when a deployment step or your own Flyway runs them.
     */
    private boolean migrate = true;

    /** How long a password reset token stays valid, 1 minute to 24 hours. */
    private Duration passwordResetTokenTtl = Duration.ofMinutes(30);

    /** How long the access log keeps a caller's source address and user agent, 1 day to 3650 days. */
    private Duration accessLogRetention = Duration.ofDays(90);

    /** When failed logins lock an account. */
    private final Lockout lockout = new Lockout();

    /** The support team's working calendar and SLA targets. */
    @NestedConfigurationProperty
    private final SlaProperties sla = new SlaProperties();

    /** The loyalty program's rates, tiers, windows and rounding. */
    @NestedConfigurationProperty
    private final LoyaltyProperties loyalty = new LoyaltyProperties();

    /** @return whether the migrations run at start-up */
    public boolean isMigrate() {
        return migrate;
    }

    /** @param migrate whether the migrations run at start-up */
    public void setMigrate(boolean migrate) {
        this.migrate = migrate;
    }

    /** @return how long a password reset token stays valid */
    public Duration getPasswordResetTokenTtl() {
        return passwordResetTokenTtl;
    }

    /** @param passwordResetTokenTtl how long a password reset token stays valid, 1 minute to 24 hours */
    public void setPasswordResetTokenTtl(Duration passwordResetTokenTtl) {
        this.passwordResetTokenTtl = passwordResetTokenTtl;
    }

    /** @return how long the access log keeps a caller's source address and user agent */
    public Duration getAccessLogRetention() {
        return accessLogRetention;
    }

    /**
     * @param accessLogRetention how long the access log keeps a caller's source address and user agent, 1 day to
     *                           3650 days (the host's scheduled {@code accounts().expireAccessContext(...)} blanks them
     *                           after that)
     */
    public void setAccessLogRetention(Duration accessLogRetention) {
        this.accessLogRetention = accessLogRetention;
    }

    /** @return the lockout settings */
    public Lockout getLockout() {
        return lockout;
    }

    /** @return the SLA settings, {@code crmkit.sla.*} */
    public SlaProperties getSla() {
        return sla;
    }

    /** @return the loyalty program's settings, {@code crmkit.loyalty.*} */
    public LoyaltyProperties getLoyalty() {
        return loyalty;
    }

    /** The {@code crmkit.lockout.*} settings: {@link LockoutPolicy} (5 failures within 15 minutes lock for 15). */
    public static class Lockout {
        /** Failed logins within the window that lock the account, 1 to 100. */
        private int maxFailures = 5;

        /** How long failures are counted together. */
        private Duration window = Duration.ofMinutes(15);

        /** How long a locked account stays locked. */
        private Duration lockDuration = Duration.ofMinutes(15);

        /** @return failures that lock the account */
        public int getMaxFailures() {
            return maxFailures;
        }

        /** @param maxFailures failures that lock the account, 1 to 100 */
        public void setMaxFailures(int maxFailures) {
            this.maxFailures = maxFailures;
        }

        /** @return how long failures are counted together */
        public Duration getWindow() {
            return window;
        }

        /** @param window how long failures are counted together, positive */
        public void setWindow(Duration window) {
            this.window = window;
        }

        /** @return how long a locked account stays locked */
        public Duration getLockDuration() {
            return lockDuration;
        }

        /** @param lockDuration how long a locked account stays locked, positive */
        public void setLockDuration(Duration lockDuration) {
            this.lockDuration = lockDuration;
        }

        /** @return these settings as crmkit's policy, checked by it */
        public LockoutPolicy toPolicy() {
            return new LockoutPolicy(maxFailures, window, lockDuration);
        }
    }
}
