package org.crmkit.core.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.AssignAccountManagerCommand;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.quote.port.in.QuoteSearchQuery;
import org.crmkit.core.quote.port.in.QuoteSort;
import org.crmkit.core.quote.port.in.QuoteView;
import org.crmkit.core.quote.port.out.QuoteRepository;
import org.crmkit.core.quote.port.out.QuoteSearchCriteria;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sales rep's quote search with the rep's scope applied in the store (issue 18, finding 6): the store joins the
 * quotes to their customers' account manager, so the use case neither reads the rep's customers nor hands the store a
 * list of their ids, however many they manage, and the store returns the rep's customers' quotes only.
 */
class QuoteSearchScopeTest {
    private final List<String> quoteCalls = new ArrayList<>();
    private final List<QuoteSearchCriteria> criteria = new ArrayList<>();
    private final List<String> customerCalls = new ArrayList<>();
    private QuoteWorld w;

    @BeforeEach
    void givenARecordingStore() {
        CrmPersistence store = InMemoryCrmPersistence.create();
        QuoteRepository quotes = store.port(QuoteRepository.class).orElseThrow();
        CustomerRepository customers = store.port(CustomerRepository.class).orElseThrow();
        QuoteRepository recordingQuotes = delegate(QuoteRepository.class, (method, args) -> {
            quoteCalls.add(method.getName());
            if (method.getName().startsWith("search")) {
                criteria.add((QuoteSearchCriteria) args[args.length - 2]);
            }
            return method.invoke(quotes, args);
        });
        CustomerRepository recordingCustomers = delegate(CustomerRepository.class, (method, args) -> {
            customerCalls.add(method.getName());
            return method.invoke(customers, args);
        });
        w = new QuoteWorld(delegate(CrmPersistence.class, (method, args) -> {
            if (method.getName().equals("port") && args[0] == QuoteRepository.class) {
                return Optional.of(recordingQuotes);
            }
            if (method.getName().equals("port") && args[0] == CustomerRepository.class) {
                return Optional.of(recordingCustomers);
            }
            return method.invoke(store, args);
        }));
    }

    @Test
    void aRepWhoManagesNoCustomerGetsAnEmptyPageFromOneStatementOfTheirScope() {
        w.quoted(w.alice);
        w.requested(w.carol);
        Actor newcomer = TestStaff.enrol(w.crm, StaffId.next(w.clock), Role.SALES_REP);
        clearRecords();

        Page<QuoteView> page = w.quotes.search(newcomer, QuoteSearchQuery.byStatus(null, 10));

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
        assertThat(quoteCalls).containsExactly("searchManagedBy");
        assertThat(customerCalls).as("no customer is read to make a list of ids").isEmpty();
    }

    @Test
    void aRepWithManyCustomersPagesThroughTheirQuotesOnlyWithoutAListOfTheirCustomers() {
        // more customers than a page of the customer search (200): the former search read them all into an IN list
        Set<String> theirs = new HashSet<>();
        for (int i = 0; i < 230; i++) {
            CustomerId customer = customer("Managed" + i, w.repId);
            theirs.add(w.requested(customer).id().toString());
            if (i % 20 == 0) {
                w.clock.advance(Duration.ofSeconds(1));
            }
        }
        Set<String> others = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            others.add(w.requested(customer("Other" + i, null)).id().toString());
        }
        clearRecords();

        List<String> seen = new ArrayList<>();
        QuoteSearchQuery query = new QuoteSearchQuery(null, null, QuoteSort.REQUESTED_DESC, PageRequest.first(100));
        while (true) {
            Page<QuoteView> page = w.quotes.search(w.rep, query);
            page.items().forEach(q -> seen.add(q.id().toString()));
            if (!page.hasNext()) {
                break;
            }
            query = new QuoteSearchQuery(null, null, QuoteSort.REQUESTED_DESC,
                    query.page().next(page.nextCursor().orElseThrow()));
        }

        assertThat(seen).hasSize(230).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(theirs).doesNotContainAnyElementsOf(others);
        assertThat(quoteCalls).as("three pages, each one statement of the rep's scope").hasSize(3)
                .containsOnly("searchManagedBy");
        assertThat(criteria).as("no customer list reaches the store").allSatisfy(c ->
                assertThat(c.customers()).isNull());
        assertThat(customerCalls).as("the rep's customers are not read").isEmpty();
    }

    @Test
    void aRepNamingACustomerSearchesThatCustomerWithinTheirScope() {
        QuoteView alices = w.quoted(w.alice);
        w.requested(w.carol);
        clearRecords();

        assertThat(w.quotes.search(w.rep, new QuoteSearchQuery(null, w.alice, QuoteSort.REQUESTED_DESC,
                PageRequest.first(10))).items()).containsExactly(alices);
        assertThat(w.quotes.search(w.rep, new QuoteSearchQuery(null, w.carol, QuoteSort.REQUESTED_DESC,
                PageRequest.first(10))).items()).as("a customer someone else manages").isEmpty();
        assertThat(quoteCalls).containsOnly("searchManagedBy");
        assertThat(criteria).extracting(QuoteSearchCriteria::customers).containsExactly(Set.of(w.alice),
                Set.of(w.carol));
    }

    private CustomerId customer(String name, StaffId manager) {
        CustomerId id = w.crm.customers().register(QuoteWorld.SYSTEM, new RegisterCustomerCommand(name, "Example",
                name.toLowerCase(java.util.Locale.ROOT) + "@example.org", null, null, null, null,
                CustomerSource.REFERRAL, null, false)).id();
        if (manager != null) {
            w.crm.customers().assignAccountManager(QuoteWorld.SYSTEM, new AssignAccountManagerCommand(id, manager,
                    null));
        }
        return id;
    }

    private void clearRecords() {
        quoteCalls.clear();
        criteria.clear();
        customerCalls.clear();
    }

    /** The handler's answer to every call of the interface, unwrapping what a reflective call throws. */
    private interface Call {
        Object answer(Method method, Object[] args) throws Exception;
    }

    private static <T> T delegate(Class<T> type, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return call.answer(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
