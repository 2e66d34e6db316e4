package org.crmkit.spring.boot;

import java.time.Clock;
import java.util.Objects;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.spi.CrmPersistence;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * crmkit is up when a trivial read through its persistence works: one transaction that looks up a customer id that
 * does not exist (an indexed read of no row). Down, with the exception, when the read fails. Reports no data.
 */
public class CrmHealthIndicator extends AbstractHealthIndicator {
    private final CrmPersistence persistence;

    /** @param persistence the adapter crmkit runs on */
    public CrmHealthIndicator(CrmPersistence persistence) {
        super("crmkit health check failed");
        this.persistence = Objects.requireNonNull(persistence, "persistence");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CustomerId probe = CustomerId.next(Clock.systemUTC());
        boolean stored = persistence.unitOfWork().inTransaction(() -> persistence.port(CustomerRepository.class)
                .map(customers -> customers.findById(probe).isPresent())
                .orElse(false));
        builder.up().withDetail("probeFound", stored);
    }
}
