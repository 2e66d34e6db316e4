package org.crmkit.core;

import java.time.Clock;
import java.util.Objects;
import org.crmkit.core.customer.application.CustomerApplication;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.shared.AccessPolicy;
import org.crmkit.core.shared.CommandValidator;
import org.crmkit.core.shared.DefaultAccessPolicy;
import org.crmkit.core.shared.EventPublisher;
import org.crmkit.core.shared.UseCaseSupport;
import org.crmkit.core.spi.CrmPersistence;

/**
 * The entry point a host embeds: build once with {@link #builder()}, keep it for the application's life, and call
 * the use cases it hands out ({@link #customers()}, more areas to come). Thread-safe.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().build();                      // in memory, system clock, default policy
 * CustomerView c = crm.customers().register(actor, command);
 * }</pre>
 */
public final class Crm {
    private final CrmPersistence persistence;
    private final Customers customers;

    private Crm(Builder builder) {
        this.persistence = builder.persistence;
        UseCaseSupport support = new UseCaseSupport(builder.clock, builder.validator, builder.accessPolicy,
                persistence.unitOfWork(), persistence.auditLog(), builder.eventPublisher);
        this.customers = CustomerApplication.customers(support, persistence.customers(), persistence.auditLog());
    }

    /** @return a builder with the defaults: system UTC clock, in-memory persistence, default policy, no events */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the customer use cases */
    public Customers customers() {
        return customers;
    }

    /** @return the persistence this instance runs on */
    public CrmPersistence persistence() {
        return persistence;
    }

    /** Configures a {@link Crm}. Every setting is optional. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private CrmPersistence persistence;
        private AccessPolicy accessPolicy = new DefaultAccessPolicy();
        private EventPublisher eventPublisher = EventPublisher.noop();
        private CommandValidator validator;

        private Builder() {
        }

        /** @param clock the time source of every timestamp and id @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param persistence the adapter, such as {@code MyBatisCrmPersistence} @return this builder */
        public Builder persistence(CrmPersistence persistence) {
            this.persistence = Objects.requireNonNull(persistence, "persistence");
            return this;
        }

        /** @param accessPolicy replaces the {@link DefaultAccessPolicy} @return this builder */
        public Builder accessPolicy(AccessPolicy accessPolicy) {
            this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
            return this;
        }

        /** @param eventPublisher receives events after commit @return this builder */
        public Builder eventPublisher(EventPublisher eventPublisher) {
            this.eventPublisher = Objects.requireNonNull(eventPublisher, "eventPublisher");
            return this;
        }

        /** @param validator replaces the default Hibernate Validator @return this builder */
        public Builder validator(CommandValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /** @return the configured instance */
        public Crm build() {
            if (persistence == null) {
                persistence = InMemoryCrmPersistence.create();
            }
            if (validator == null) {
                validator = CommandValidator.createDefault();
            }
            return new Crm(this);
        }
    }
}
