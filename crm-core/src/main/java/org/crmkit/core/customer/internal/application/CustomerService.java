package org.crmkit.core.customer.internal.application;

import org.crmkit.core.customer.internal.store.CustomerStore;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.crmkit.core.customer.ContactDetails;
import org.crmkit.core.customer.domain.Customer;
import org.crmkit.core.customer.PersonalDetails;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.customer.port.in.AssignAccountManagerCommand;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerStatusCommand;
import org.crmkit.core.customer.port.in.CustomerTagCommand;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.customer.port.in.DuplicateCandidate;
import org.crmkit.core.customer.port.in.DuplicateReason;
import org.crmkit.core.customer.port.in.MarketingConsentCommand;
import org.crmkit.core.customer.port.in.PersonalDataExport;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.customer.port.in.UpdateContactDetailsCommand;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.internal.PersonalDataEraser;
import org.crmkit.core.shared.internal.PersonalDataExporter;
import org.crmkit.core.shared.PersonalDataSection;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crmkit.core.customer.CustomerPermission;

/** The customer use cases: validate, authorize, load, one domain call, save, audit, publish. */
final class CustomerService implements Customers {
    private final CustomerReads reads;
    private static final Logger LOG = LoggerFactory.getLogger(CustomerService.class);
    static final String TYPE = "customer";

    private final UseCaseSupport support;
    private final CustomerStore customers;
    private final AuditLog auditLog;
    private final CustomerSearch search;
    private final List<PersonalDataEraser> erasers;
    private final List<PersonalDataExporter> exporters;

    CustomerService(UseCaseSupport support, CustomerStore customers, AuditLog auditLog,
                    List<PersonalDataEraser> erasers, List<PersonalDataExporter> exporters) {
        this.reads = new CustomerReads(support, customers);
        this.support = support;
        this.erasers = List.copyOf(erasers);
        this.exporters = List.copyOf(exporters);
        this.customers = customers;
        this.auditLog = auditLog;
        this.search = new CustomerSearch(customers);
    }

    @Override
    public CustomerView register(Actor actor, RegisterCustomerCommand command) {
        CustomerInput input = support.validate(actor, command, checks -> CustomerInput.of(command.firstName(), command.lastName(), command.email(), command.phone(),
                        command.address(), command.dateOfBirth(), command.gender(), support.now()));
        ContactDetails contact = input.contact();
        PersonalDetails personal = input.personal();
        if (actor instanceof Actor.Anonymous && command.externalReference() != null) {
            // the host's own id is the host's to assign; a visitor could otherwise squat or probe it
            throw new InvalidCommandException(List.of(
                    new FieldError("externalReference", "may not be set by a self-registration")));
        }
        Permission permission = actor instanceof Actor.Anonymous
                ? CustomerPermission.CUSTOMER_SELF_REGISTER : CustomerPermission.CUSTOMER_REGISTER;
        boolean nameHolder = actor instanceof Actor.Staff || actor instanceof Actor.SystemProcess;
        try {
            return registerChecked(actor, permission, nameHolder, contact, personal, command);
        } catch (ConflictException raced) {
            // a concurrent registration took the value after our check: the storage's unique index refused it.
            // Now that the other one is committed, name its holder as the check would have.
            if (!nameHolder || raced.existingId().isPresent() || !"duplicate".equals(raced.code())) {
                throw raced;
            }
            support.transaction(() -> {
                requireUnique(contact, command.externalReference(), null, true);
                return null;
            });
            throw raced;
        }
    }

    private CustomerView registerChecked(Actor actor, Permission permission, boolean nameHolder,
                                         ContactDetails contact, PersonalDetails personal,
                                         RegisterCustomerCommand command) {
        return support.transaction(() -> {
            Actor caller = support.authorize(actor, permission, AccessTarget.none(), "customer.register", TYPE,
                    null);
            requireUnique(contact, command.externalReference(), null, nameHolder);
            Customer customer = Customer.register(CustomerId.next(support.clock()), contact, personal,
                    command.source(), command.externalReference(), command.marketingConsent(), support.now());
            if (caller instanceof Actor.Staff staff
                    && support.scopeOf(caller, CustomerPermission.CUSTOMER_VIEW) == AccessScope.OWN) {
                // a staff user who sees only the customers they manage keeps sight of the one they brought in
                customer.assignAccountManager(staff.id(), support.now());
            }
            customers.add(customer);
            support.audit(actor, "customer.register", TYPE, customer.id().value());
            support.publishAfterCommit(customer.pullEvents());
            LOG.debug("registered customer {}", customer.id());
            return CustomerView.of(customer.snapshot());
        });
    }

    @Override
    public Optional<CustomerView> findById(Actor actor, CustomerId customerId) {
        support.validate(actor, new IdQuery(customerId));
        return support.transaction(() -> {
            Optional<Customer> found = customers.findById(customerId);
            support.authorize(actor, CustomerPermission.CUSTOMER_VIEW, targetOf(customerId, found), "customer.view", TYPE,
                    customerId.value());
            return found.map(c -> CustomerView.of(c.snapshot()));
        });
    }

    @Override
    public Optional<CustomerView> findByExternalReference(Actor actor, String externalReference) {
        support.validate(actor, new ReferenceQuery(externalReference));
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
        support.validate(actor, new ReferencesQuery(externalReferences));
        List<String> references = externalReferences.stream().map(String::strip).distinct().toList();
        return support.transaction(() -> {
            // a target that is no one's: only a grant on every customer covers it
            support.authorize(actor, CustomerPermission.CUSTOMER_VIEW, AccessTarget.none(), "customer.view", TYPE, null);
            return reads.findByExternalReferences(references);
        });
    }

    /** @param externalReferences the references asked for */
    record ReferencesQuery(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(min = 1,
            max = Customers.MOST_REFERENCES) List<@jakarta.validation.constraints.NotBlank
            @jakarta.validation.constraints.Size(max = 100) String> externalReferences) {
    }

    /** @param externalReference the reference asked for */
    record ReferenceQuery(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100)
                          String externalReference) {
    }

    @Override
    public CustomerView updateContactDetails(Actor actor, UpdateContactDetailsCommand command) {
        CustomerInput.Change change = support.validate(actor, command,
                checks -> CustomerInput.Change.of(command, support.now(), checks));
        return change(actor, CustomerPermission.CUSTOMER_UPDATE_CONTACT, "customer.update_contact", command.customerId(),
                command.expectedVersion(), customer -> {
                    // an erased customer holds no details; the aggregate refuses the change before reading them
                    ContactDetails contact = customer.contact().map(change::applyTo).orElse(null);
                    customer.changeContactDetails(contact, change.applyTo(customer.snapshot().personal()),
                            support.now());
                    requireUnique(contact, null, customer.id(), !(actor instanceof Actor.Customer));
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
        return change(actor, CustomerPermission.CUSTOMER_ASSIGN_MANAGER, "customer.assign_manager", command.customerId(),
                command.expectedVersion(), customer -> {
                    customer.assignAccountManager(command.manager(), support.now());
                    // after the customer's own rules (an erased customer says so first); a refusal rolls back
                    if (!support.isActiveStaff(command.manager())) {
                        throw new BusinessRuleViolationException("staff_inactive",
                                "staff user " + command.manager() + " is not an active staff user");
                    }
                });
    }

    @Override
    public CustomerView addTag(Actor actor, CustomerTagCommand command) {
        support.validate(actor, command);
        Tag tag = new Tag(command.tag());
        return change(actor, CustomerPermission.CUSTOMER_TAG, "customer.add_tag", command.customerId(),
                command.expectedVersion(), customer -> customer.addTag(tag, support.now()));
    }

    @Override
    public CustomerView removeTag(Actor actor, CustomerTagCommand command) {
        support.validate(actor, command);
        Tag tag = new Tag(command.tag());
        return change(actor, CustomerPermission.CUSTOMER_TAG, "customer.remove_tag", command.customerId(),
                command.expectedVersion(), customer -> customer.removeTag(tag, support.now()));
    }

    @Override
    public CustomerView changeMarketingConsent(Actor actor, MarketingConsentCommand command) {
        support.validate(actor, command);
        return change(actor, CustomerPermission.CUSTOMER_CONSENT, "customer.change_consent", command.customerId(),
                command.expectedVersion(), customer -> customer.changeMarketingConsent(command.given(), support.now()));
    }

    @Override
    public Page<CustomerView> search(Actor actor, CustomerSearchQuery query) {
        support.validate(actor, query);
        CustomerSearch.Plan plan = search.plan(query);
        return support.transaction(() -> {
            UseCaseSupport.Grant grant = support.authorizeScope(actor, CustomerPermission.CUSTOMER_SEARCH, "customer.search",
                    TYPE);
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
        support.validate(actor, new IdQuery(customerId));
        return support.transaction(() -> {
            Optional<Customer> loaded = customers.findById(customerId);
            Actor caller = support.authorize(actor, CustomerPermission.CUSTOMER_FIND_DUPLICATES,
                    targetOf(customerId, loaded), "customer.find_duplicates", TYPE, customerId.value());
            Customer customer = loaded.orElseThrow(() -> new NotFoundException(TYPE, customerId));
            Map<CustomerId, DuplicateFinding> found = new LinkedHashMap<>();
            customer.contact().ifPresent(contact -> {
                customers.findByEmail(contact.email())
                        .forEach(c -> note(found, customer, c, DuplicateReason.SAME_EMAIL));
                if (contact.phone() != null) {
                    customers.findByPhone(contact.phone())
                            .forEach(c -> note(found, customer, c, DuplicateReason.SAME_PHONE));
                }
                if (contact.address() != null && contact.address().postalCode() != null) {
                    customers.findByNameKeyAndPostalCode(contact.name().sortKey(), contact.address().postalCode())
                            .forEach(c -> note(found, customer, c, DuplicateReason.SAME_NAME_AND_POSTAL_CODE));
                }
            });
            // a candidate is shown only to a caller who may view it (a sales rep sees duplicates among their own)
            AccessScope view = support.scopeOf(caller, CustomerPermission.CUSTOMER_VIEW);
            return found.values().stream()
                    .filter(f -> view.covers(caller, targetOf(f.customer.id(), Optional.of(f.customer))))
                    .map(f -> new DuplicateCandidate(CustomerView.of(f.customer.snapshot()), f.reasons))
                    .toList();
        });
    }

    @Override
    public PersonalDataExport exportPersonalData(Actor actor, CustomerId customerId) {
        support.validate(actor, new IdQuery(customerId));
        return support.transaction(() -> {
            Customer customer = loadAuthorized(actor, CustomerPermission.CUSTOMER_EXPORT, "customer.export", customerId);
            List<PersonalDataExport.ActivityRecord> activity = auditLog.findByTarget(TYPE, customerId.value())
                    .stream()
                    .map(e -> new PersonalDataExport.ActivityRecord(e.at(), e.action(), e.actorType().name(),
                            e.outcome().name()))
                    .toList();
            support.audit(actor, "customer.export", TYPE, customerId.value());
            List<PersonalDataSection> sections = exporters.stream()
                    .flatMap(exporter -> exporter.exportCustomer(customerId).stream()).toList();
            return new PersonalDataExport(customerId, support.now(), CustomerView.of(customer.snapshot()), activity,
                    sections);
        });
    }

    @Override
    public void erase(Actor actor, CustomerId customerId) {
        support.validate(actor, new IdQuery(customerId));
        change(actor, CustomerPermission.CUSTOMER_ERASE, "customer.erase", customerId, null, customer -> {
            customer.erase(support.now());
            erasers.forEach(eraser -> eraser.eraseCustomer(customerId, support.now()));
        });
    }

    /** One state change: authorize, load, check the version, apply, store, audit, publish. */
    private CustomerView change(Actor actor, Permission permission, String action, CustomerId id,
                                Long expectedVersion, Consumer<Customer> domainCall) {
        return support.transaction(() -> {
            Customer customer = loadAuthorized(actor, permission, action, id);
            support.applyChange(actor, action, TYPE, id.value(), customer, expectedVersion, domainCall,
                    customers::update);
            return CustomerView.of(customer.snapshot());
        });
    }

    /** Loads a customer and authorizes the caller on it; a caller refused on a missing id learns nothing more. */
    private Customer loadAuthorized(Actor actor, Permission permission, String action, CustomerId id) {
        Optional<Customer> found = customers.findById(id);
        support.authorize(actor, permission, targetOf(id, found), action, TYPE, id.value());
        return found.orElseThrow(() -> new NotFoundException(TYPE, id));
    }

    private static AccessTarget targetOf(CustomerId id, Optional<Customer> customer) {
        return AccessTarget.customer(id, customer.map(c -> c.snapshot().accountManager()).orElse(null));
    }

    /**
     * Fails when email, phone or external reference is held by another customer that is not erased.
     *
     * @param nameHolder whether the caller may learn the holder's id
     */
    private void requireUnique(ContactDetails contact, String externalReference, CustomerId self, boolean nameHolder) {
        check("email", customers.findByEmail(contact.email()), self, nameHolder);
        if (contact.phone() != null) {
            check("phone", customers.findByPhone(contact.phone()), self, nameHolder);
        }
        if (externalReference != null && !externalReference.isBlank()) {
            check("externalReference",
                    customers.findByExternalReference(externalReference.strip()).stream().toList(), self, nameHolder);
        }
    }

    private static void check(String field, List<Customer> holders, CustomerId self, boolean nameHolder) {
        holders.stream().filter(c -> !c.id().equals(self)).findFirst().ifPresent(other -> {
            throw ConflictException.duplicate(TYPE, field, nameHolder ? other.id() : null);
        });
    }

    private static void note(Map<CustomerId, DuplicateFinding> found, Customer self, Customer other,
                             DuplicateReason reason) {
        if (!other.id().equals(self.id())) {
            found.computeIfAbsent(other.id(), k -> new DuplicateFinding(other)).reasons.add(reason);
        }
    }

    private static final class DuplicateFinding {
        private final Customer customer;
        private final Set<DuplicateReason> reasons = EnumSet.noneOf(DuplicateReason.class);

        private DuplicateFinding(Customer customer) {
            this.customer = customer;
        }
    }

    /** Validates a bare id argument like a command. */
    record IdQuery(@jakarta.validation.constraints.NotNull CustomerId customerId) {
    }
}
