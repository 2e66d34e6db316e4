package org.crmkit.core.customer.internal.application;

import org.crmkit.core.customer.internal.store.CustomerStore;
import java.util.List;
import org.crmkit.core.customer.port.out.ContactVerificationRepository;
import org.crmkit.core.customer.port.out.ContactVerificationNotifier;
import org.crmkit.core.customer.internal.port.ContactChangeParticipant;
import java.util.Objects;
import java.time.Duration;
import org.crmkit.core.customer.internal.port.ContactVerifications;
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
     * @param support       shared use-case mechanics
     * @param customers     the customer repository
     * @param auditLog      the audit trail, read for exports
     * @param erasers       the other areas' parts in an erasure
     * @param exporters     the other areas' parts in an export, in the order of their sections
     * @param verifications where contact verifications are stored, how they reach people, how long they last, and
     *                      the other areas' parts in a change of email
     * @return the customer use cases, and the verifications the staff area's sign-up and invitation use
     */
    public static CustomerArea customers(UseCaseSupport support, CustomerRepository customers, AuditLog auditLog,
                                         List<PersonalDataEraser> erasers, List<PersonalDataExporter> exporters,
                                         Verification verifications) {
        CustomerService service = new CustomerService(support, new CustomerStore(customers), auditLog, erasers,
                exporters, verifications);
        return new CustomerArea(service, service.verifications());
    }

    /**
     * What the customer area hands the composition root.
     *
     * @param customers     the use cases hosts call
     * @param verifications the contact verifications as the staff area's sign-up and invitation use them
     */
    public record CustomerArea(Customers customers, ContactVerifications verifications) {
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

    /**
     * How the customer area verifies contact details.
     *
     * @param repository   where verifications are stored
     * @param notifier     the host's delivery of tokens
     * @param ttl          how long a token stays usable
     * @param participants the other areas' parts in a change of a customer's email
     */
    public record Verification(ContactVerificationRepository repository, ContactVerificationNotifier notifier,
                                Duration ttl, List<ContactChangeParticipant> participants) {
        /** Checks the parts and copies the list. */
        public Verification {
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(notifier, "notifier");
            Objects.requireNonNull(ttl, "ttl");
            participants = List.copyOf(participants);
        }
    }
}
