package org.crmkit.core.customer.internal.application;

import org.crmkit.core.customer.internal.store.CustomerStore;
import org.crmkit.core.shared.Page;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * The customer reads every caller shares: the use cases run them after checking their caller, other areas run them
 * through {@link CustomerDirectory} after checking theirs. Each joins the current transaction.
 */
final class CustomerReads implements CustomerDirectory {
    private final UseCaseSupport support;
    private final CustomerStore customers;
    private final CustomerSearch search;

    CustomerReads(UseCaseSupport support, CustomerStore customers) {
        this.support = support;
        this.customers = customers;
        this.search = new CustomerSearch(customers);
    }

    @Override
    public Page<CustomerView> search(CustomerSearchQuery query) {
        CustomerSearch.Plan plan = search.plan(query);
        return support.transaction(() -> search.run(plan));
    }

    @Override
    public Optional<CustomerView> find(CustomerId id) {
        return support.transaction(() -> customers.findById(id).map(c -> CustomerView.of(c.snapshot())));
    }

    @Override
    public Optional<CustomerView> findByExternalReference(String reference) {
        return support.transaction(() -> customers.findByExternalReference(reference).filter(CustomerReads::live)
                .map(c -> CustomerView.of(c.snapshot())));
    }

    @Override
    public Map<String, CustomerView> findByExternalReferences(List<String> references) {
        return support.transaction(() -> {
            Map<String, CustomerView> found = new LinkedHashMap<>();
            for (Customer c : customers.findByExternalReferences(references)) {
                if (live(c) && references.contains(c.snapshot().externalReference())) {
                    found.put(c.snapshot().externalReference(), CustomerView.of(c.snapshot()));
                }
            }
            return found;
        });
    }

    private static boolean live(Customer customer) {
        return customer.snapshot().status() != CustomerStatus.ERASED;
    }
}
