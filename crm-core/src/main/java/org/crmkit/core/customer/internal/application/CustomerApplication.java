package org.crmkit.core.customer.internal.application;

import org.crmkit.core.customer.internal.store.CustomerStore;
import java.util.List;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.shared.internal.ActorResolver;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.internal.PersonalDataEraser;
import org.crmkit.core.shared.internal.PersonalDataExporter;
import org.crmkit.core.shared.internal.UseCaseSupport;

/** Builds the customer use cases; the one public entry of this package. */
public final class CustomerApplication {
    private CustomerApplication() {
    }

    /**
     * @param support     shared use-case mechanics
     * @param customers   the customer repository
     * @param auditLog    the audit trail, read for exports
     * @param erasers     the other areas' parts in an erasure
     * @param exporters   the other areas' parts in an export, in the order of their sections
     * @return the customer use cases
     */
    public static Customers customers(UseCaseSupport support, CustomerRepository customers, AuditLog auditLog,
                                      List<PersonalDataEraser> erasers, List<PersonalDataExporter> exporters) {
        return new CustomerService(support, new CustomerStore(customers), auditLog, erasers, exporters);
    }

    /**
     * @param support   shared use-case mechanics
     * @param customers the customer repository
     * @return the actor-free reads other areas make of customers, inside their own use cases
     */
    public static CustomerDirectory directory(UseCaseSupport support, CustomerRepository customers) {
        return new CustomerReads(support, new CustomerStore(customers));
    }

    /**
     * @param customers the customer repository
     * @return the resolver that refuses a customer actor unless the customer exists and is active
     */
    public static ActorResolver actorResolver(CustomerRepository customers) {
        return new CustomerActorResolver(new CustomerStore(customers));
    }
}
