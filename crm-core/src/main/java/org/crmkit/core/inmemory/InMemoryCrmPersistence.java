package org.crmkit.core.inmemory;

import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.spi.CrmPersistence;

/** The embedded default persistence: every port in memory, sharing one transactional unit of work. */
public final class InMemoryCrmPersistence implements CrmPersistence {
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryCustomerRepository customers = new InMemoryCustomerRepository(unitOfWork);
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog(unitOfWork);

    /** @return a new, empty in-memory store */
    public static InMemoryCrmPersistence create() {
        return new InMemoryCrmPersistence();
    }

    @Override
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    public CustomerRepository customers() {
        return customers;
    }

    @Override
    public AuditLog auditLog() {
        return auditLog;
    }
}
