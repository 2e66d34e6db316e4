package org.crmkit.core.customer.internal.application;

import org.crmkit.core.shared.CrmError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.customer.ContactDetails;
import org.crmkit.core.customer.CustomerPermission;
import org.crmkit.core.customer.PersonalDetails;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.customer.internal.store.CustomerStore;
import org.crmkit.core.customer.port.in.AssignAccountManagerCommand;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerStatusCommand;
import org.crmkit.core.customer.port.in.CustomerTagCommand;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.customer.port.in.DuplicateCandidate;
import org.crmkit.core.customer.port.in.MarketingConsentCommand;
import org.crmkit.core.customer.port.in.PersonalDataExport;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.customer.port.in.UpdateContactDetailsCommand;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.internal.PersonalDataEraser;
import org.crmkit.core.shared.internal.PersonalDataExporter;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * The customer use cases: validate, authorize, load, one domain call, save, audit, publish. The registration is in
 * {@link CustomerRegistration}, the duplicate search in {@link PossibleDuplicates}, the GDPR export in
 * {@link PersonalDataExports}; the rule that no two customers share a contact in {@link CustomerUniqueness}. Access
 * follows the customer ({@link CustomerAccess}).
 */
final class CustomerService implements Customers {
    private static final String TYPE = CustomerAccess.TYPE;

    private final UseCaseSupport support;
    private final CustomerStore customers;
    private final CustomerReads reads;
    private final CustomerSearch search;
    private final List<PersonalDataEraser> erasers;
    private final CustomerAccess access;
    private final CustomerUniqueness uniqueness;
    private final CustomerRegistration registration;
    private final PossibleDuplicates duplicates;
    private final PersonalDataExports exports;
    private final ContactVerificationService verifications;

    CustomerService(UseCaseSupport support, CustomerStore customers, AuditLog auditLog,
                    List<PersonalDataEraser> erasers, List<PersonalDataExporter> exporters,
                    CustomerApplication.Verification verification) {
        this.support = support;
        this.customers = customers;
        this.reads = new CustomerReads(support, customers);
        this.search = new CustomerSearch(customers);
        this.erasers = List.copyOf(erasers);
        this.access = new CustomerAccess(support, customers);
        this.uniqueness = new CustomerUniqueness(customers);
        this.registration = new CustomerRegistration(support, customers, uniqueness);
        this.duplicates = new PossibleDuplicates(support, customers);
        this.exports = new PersonalDataExports(support, auditLog, exporters, access);
        this.verifications = new ContactVerificationService(support, verification.repository(),
                verification.notifier(), verification.ttl(), customers, uniqueness, registration,
                verification.participants());
    }

    /** @return the verifications as the staff area's sign-up and invitation use them */
    ContactVerificationService verifications() {
        return verifications;
    }

    @Override
    public CustomerView register(Actor actor, RegisterCustomerCommand command) {
        return registration.register(actor, command);
    }

    @Override
    public Optional<CustomerView> findById(Actor actor, CustomerId customerId) {
        support.validate(actor, new Arguments.CustomerIdQuery(customerId));
        return support.transaction(() -> {
            Optional<Customer> found = customers.findById(customerId);
            support.authorize(actor, CustomerPermission.CUSTOMER_VIEW, CustomerAccess.targetOf(customerId, found),
                    "customer.view", TYPE, customerId.value());
            return found.map(c -> CustomerView.of(c.snapshot()));
        });
    }

    @Override
    public Optional<CustomerView> findByExternalReference(Actor actor, String externalReference) {
        support.validate(actor, new Arguments.ReferenceQuery(externalReference));
        String reference = externalReference.strip();
        return support.transaction(() -> {
            Optional<CustomerView> found = reads.findByExternalReference(reference);
            // a caller who may see only some customers is refused alike whether the reference is someone else's
            // or no one's, and the refusal names no id: the reference tells them nothing they may not see
            support.authorize(actor, CustomerPermission.CUSTOMER_VIEW,
                    found.map(c -> AccessTarget.customer(c.id(), c.accountManager())).orElse(AccessTarget.none()),
                    "customer.view", TYPE, null);
            return found;
        });
    }

    @Override
    public Map<String, CustomerView> findByExternalReferences(Actor actor, List<String> externalReferences) {
        support.validate(actor, new Arguments.ReferencesQuery(externalReferences));
        List<String> references = externalReferences.stream().map(String::strip).distinct().toList();
        return support.transaction(() -> {
            // a target that is no one's: only a grant on every customer covers it
            support.authorize(actor, CustomerPermission.CUSTOMER_VIEW, AccessTarget.none(), "customer.view", TYPE,
                    null);
            return reads.findByExternalReferences(references);
        });
    }

    @Override
    public CustomerView updateContactDetails(Actor actor, UpdateContactDetailsCommand command) {
        CustomerInput.Change change = support.validate(actor, command,
                checks -> CustomerInput.Change.of(command, support.now(), checks));
        return change(actor, CustomerPermission.CUSTOMER_UPDATE_CONTACT, "customer.update_contact",
                command.customerId(), command.expectedVersion(), customer -> {
                    // an erased customer holds no details; the aggregate refuses the change before reading them
                    Optional<ContactDetails> before = customer.contact();
                    ContactDetails contact = before.map(change::applyTo).orElse(null);
                    PersonalDetails personal = change.applyTo(customer.snapshot().personal());
                    if (actor instanceof Actor.Customer && contact != null) {
                        // their own new email or phone waits until they prove it: nothing can attach to it before
                        contact = verifications.holdBackUnproven(customer, contact);
                        if (contact.equals(before.orElseThrow()) && personal.equals(customer.snapshot().personal())) {
                            return;
                        }
                    }
                    customer.changeContactDetails(contact, personal, support.now());
                    uniqueness.requireUnique(contact, null, customer.id(), holder -> !(actor instanceof Actor.Customer)
                            && support.permits(actor, CustomerPermission.CUSTOMER_VIEW,
                            CustomerAccess.targetOf(holder.id(), Optional.of(holder))));
                    if (!contact.email().equals(before.orElseThrow().email())) {
                        verifications.emailChanged(customer.id(), contact.email());
                    }
                });
    }

    @Override
    public CustomerView deactivate(Actor actor, CustomerStatusCommand command) {
        support.validate(actor, command);
        return change(actor, CustomerPermission.CUSTOMER_CHANGE_STATUS, "customer.deactivate", command.customerId(),
                command.expectedVersion(), customer -> customer.deactivate(support.now()));
    }

    @Override
    public CustomerView reactivate(Actor actor, CustomerStatusCommand command) {
        support.validate(actor, command);
        return change(actor, CustomerPermission.CUSTOMER_CHANGE_STATUS, "customer.reactivate", command.customerId(),
                command.expectedVersion(), customer -> customer.reactivate(support.now()));
    }

    @Override
    public CustomerView assignAccountManager(Actor actor, AssignAccountManagerCommand command) {
        support.validate(actor, command);
        return change(actor, CustomerPermission.CUSTOMER_ASSIGN_MANAGER, "customer.assign_manager",
                command.customerId(), command.expectedVersion(), customer -> {
                    customer.assignAccountManager(command.manager(), support.now());
                    // after the customer's own rules (an erased customer says so first); a refusal rolls back
                    if (!support.isActiveStaff(command.manager())) {
                        throw new BusinessRuleViolationException(CrmError.STAFF_INACTIVE,
                                "staff user " + command.manager() + " is not an active staff user");
                    }
                });
    }

    @Override
    public CustomerView addTag(Actor actor, CustomerTagCommand command) {
        Tag tag = support.validate(actor, command, checks -> new Tag(command.tag()));
        return change(actor, CustomerPermission.CUSTOMER_TAG, "customer.add_tag", command.customerId(),
                command.expectedVersion(), customer -> customer.addTag(tag, support.now()));
    }

    @Override
    public CustomerView removeTag(Actor actor, CustomerTagCommand command) {
        Tag tag = support.validate(actor, command, checks -> new Tag(command.tag()));
        return change(actor, CustomerPermission.CUSTOMER_TAG, "customer.remove_tag", command.customerId(),
                command.expectedVersion(), customer -> customer.removeTag(tag, support.now()));
    }

    @Override
    public CustomerView changeMarketingConsent(Actor actor, MarketingConsentCommand command) {
        support.validate(actor, command);
        return change(actor, CustomerPermission.CUSTOMER_CONSENT, "customer.change_consent", command.customerId(),
                command.expectedVersion(),
                customer -> customer.changeMarketingConsent(command.given(), support.now()));
    }

    @Override
    public Page<CustomerView> search(Actor actor, CustomerSearchQuery query) {
        support.validate(actor, query);
        CustomerSearch.Plan plan = search.plan(query);
        return support.transaction(() -> {
            UseCaseSupport.Grant grant = support.authorizeScope(actor, CustomerPermission.CUSTOMER_SEARCH,
                    "customer.search", TYPE);
            if (grant.scope() == AccessScope.ANY) {
                return search.run(plan);
            }
            // narrowed to the customers the caller manages (a sales rep); other scopes have no customers to show
            return grant.actor() instanceof Actor.Staff staff && grant.scope() == AccessScope.OWN
                    ? search.run(plan.managedBy(staff.id()))
                    : Page.empty();
        });
    }

    @Override
    public List<DuplicateCandidate> findPossibleDuplicates(Actor actor, CustomerId customerId) {
        return duplicates.find(actor, customerId);
    }

    @Override
    public PersonalDataExport exportPersonalData(Actor actor, CustomerId customerId) {
        return exports.export(actor, customerId);
    }

    @Override
    public void confirmContact(String token) {
        verifications.confirm(token);
    }

    @Override
    public void erase(Actor actor, CustomerId customerId) {
        support.validate(actor, new Arguments.CustomerIdQuery(customerId));
        change(actor, CustomerPermission.CUSTOMER_ERASE, "customer.erase", customerId, null, customer -> {
            verifications.erase(customer);
            customer.erase(support.now());
            erasers.forEach(eraser -> eraser.eraseCustomer(customerId, support.now()));
        });
    }

    /** One state change: authorize, load, check the version, apply, store, audit, publish. */
    private CustomerView change(Actor actor, Permission permission, String action, CustomerId id,
                                Long expectedVersion, Consumer<Customer> domainCall) {
        return support.transaction(() -> {
            Customer customer = access.load(actor, permission, action, id);
            support.applyChange(actor, action, TYPE, id.value(), customer, expectedVersion, domainCall,
                    customers::update);
            return CustomerView.of(customer.snapshot());
        });
    }
}
