package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.quote.internal.store.QuoteStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.customer.internal.store.CustomerStore;
import org.crmkit.core.quote.internal.domain.Quote;
import org.crmkit.core.quote.QuoteLine;
import org.crmkit.core.quote.QuoteSnapshot;
import org.crmkit.core.quote.QuoteStatus;
import org.crmkit.core.quote.port.in.QuoteSort;
import org.crmkit.core.quote.port.out.QuoteRepository;
import org.crmkit.core.quote.port.out.QuoteSearchCriteria;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.quote.QuoteId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.UuidV7;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link QuoteRepository} must do. Subclasses hand over an empty store before each test. */
public abstract class QuoteRepositoryContract extends PortContract {
    private static final Instant T0 = QuoteFixtures.T0;

    private CustomerId ann;
    private CustomerId ben;
    private ProductId fox;
    private ProductId owl;

    @BeforeEach
    void givenStoredCustomersAndProducts() {
        ann = LoyaltyFixtures.storedCustomer(persistence);
        ben = LoyaltyFixtures.storedCustomer(persistence);
        fox = SalesFixtures.storedProduct(persistence).id();
        owl = SalesFixtures.storedProduct(persistence).id();
    }

    private QuoteStore repo() {
        return new QuoteStore(persistence.quotes());
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private Quote stored(Quote quote) {
        return QuoteFixtures.stored(persistence, quote);
    }

    private QuoteSnapshot load(QuoteId id) {
        return tx(() -> repo().findById(id)).orElseThrow().snapshot();
    }

    private void update(Quote quote) {
        persistence.unitOfWork().inTransaction(() -> repo().update(quote));
    }

    @Test
    void returnsEveryFieldOfARequestedQuoteWithItsLinesByNumber() {
        Quote quote = stored(QuoteFixtures.requested(ann, T0, owl, fox));
        QuoteSnapshot loaded = load(quote.id());
        assertThat(loaded).isEqualTo(quote.snapshot());
        assertThat(loaded.lines()).extracting(QuoteLine::number, QuoteLine::product, QuoteLine::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, owl, 1),
                        org.assertj.core.groups.Tuple.tuple(2, fox, 2));
        assertThat(loaded.message()).isEqualTo("Please quote \uD83D\uDE00");
        assertThat(loaded.version()).isZero();
        assertThat(tx(() -> repo().findById(QuoteId.next(QuoteFixtures.IDS)))).isEmpty();
        assertThat(tx(() -> repo().lock(QuoteId.next(QuoteFixtures.IDS)))).isEmpty();
    }

    @Test
    void storesAnAnswerAndItsRevisionMovingTheVersionOn() {
        Quote quote = stored(QuoteFixtures.requested(ann, T0, fox, owl));
        StaffId rep = StaffId.next(QuoteFixtures.IDS);
        quote.answer(java.util.Map.of(1, Money.of("12.3456", "EUR"), 2, Money.of("0", "EUR")),
                T0.plusSeconds(86_400), "Delivery in 5 days", rep, T0.plusSeconds(60));
        update(quote);
        assertThat(quote.version()).isEqualTo(1);
        QuoteSnapshot answered = load(quote.id());
        assertThat(answered).isEqualTo(quote.snapshot());
        assertThat(answered.lines()).extracting(QuoteLine::unitPrice)
                .containsExactly(Money.of("12.3456", "EUR"), Money.of("0.00", "EUR"));
        assertThat(answered.answeredBy()).isEqualTo(rep);

        Quote revision = tx(() -> repo().lock(quote.id())).orElseThrow();
        QuoteFixtures.answered(revision, "9.99", T0.plusSeconds(2 * 86_400), T0.plusSeconds(120));
        update(revision);
        assertThat(load(quote.id())).isEqualTo(revision.snapshot()).extracting(QuoteSnapshot::version)
                .isEqualTo(2L);
        assertThat(load(quote.id()).answeredBy()).isNull();
    }

    @Test
    void anUpdateOfAStaleVersionIsAConflictAndChangesNothing() {
        Quote quote = stored(QuoteFixtures.requested(ann, T0, fox));
        Quote first = tx(() -> repo().findById(quote.id())).orElseThrow();
        Quote second = tx(() -> repo().findById(quote.id())).orElseThrow();
        update(QuoteFixtures.answered(first, "5", T0.plusSeconds(3600), T0.plusSeconds(1)));
        QuoteFixtures.answered(second, "6", T0.plusSeconds(3600), T0.plusSeconds(2));
        assertThatThrownBy(() -> update(second)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("stale_version"));
        assertThat(load(quote.id())).isEqualTo(first.snapshot());
    }

    @Test
    void storesAnAcceptanceWithItsPurchaseAndARejectionWithItsReason() {
        Quote accepted = stored(QuoteFixtures.answered(QuoteFixtures.requested(ann, T0, fox), "5",
                T0.plusSeconds(3600), T0));
        Purchase purchase = SalesFixtures.stored(persistence, SalesFixtures.purchase(ann, T0.plusSeconds(60),
                List.of(SalesFixtures.line(1, fox, 1, Money.of("5", "EUR")))));
        accepted.accept(T0.plusSeconds(60), purchase::id);
        update(accepted);
        assertThat(load(accepted.id())).isEqualTo(accepted.snapshot()).satisfies(s -> {
            assertThat(s.status()).isEqualTo(QuoteStatus.ACCEPTED);
            assertThat(s.purchase()).isEqualTo(purchase.id());
            assertThat(s.closedAt()).isEqualTo(T0.plusSeconds(60));
        });

        Quote rejected = stored(QuoteFixtures.answered(QuoteFixtures.requested(ben, T0, owl), "5",
                T0.plusSeconds(3600), T0));
        rejected.reject("Zu teuer \u00FC", T0.plusSeconds(90));
        update(rejected);
        assertThat(load(rejected.id())).isEqualTo(rejected.snapshot())
                .extracting(QuoteSnapshot::rejection).isEqualTo("Zu teuer \u00FC");

        assertThat(rejected.erasePersonalText()).isTrue();
        update(rejected);
        assertThat(load(rejected.id())).as("after the customer's erasure").isEqualTo(rejected.snapshot())
                .satisfies(s -> {
                    assertThat(s.message()).isNull();
                    assertThat(s.rejection()).isNull();
                    assertThat(s.status()).isEqualTo(QuoteStatus.REJECTED);
                });
    }

    @Test
    void searchFiltersByStatusAndCustomersAndResumesAfterAPositionInEitherOrder() {
        List<Quote> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // pairs share a request time; ids with the high bit set sort after the others as BINARY(16) does
            QuoteId id = i % 3 == 0 ? new QuoteId(StaffFixtures.withHighBit(UuidV7.next(QuoteFixtures.IDS)))
                    : QuoteId.next(QuoteFixtures.IDS);
            Quote q = QuoteFixtures.requested(id, i % 2 == 0 ? ann : ben, T0.plusSeconds(i / 2), fox);
            if (i == 4) {
                QuoteFixtures.answered(q, "3", T0.plusSeconds(3600), T0.plusSeconds(10));
            }
            all.add(stored(q));
        }
        Comparator<QuoteSnapshot> oldest = Comparator.comparing(QuoteSnapshot::requestedAt)
                .thenComparing(s -> s.id().value(), UuidV7::compareBytes);
        List<QuoteId> ascending = all.stream().map(Quote::snapshot).sorted(oldest).map(QuoteSnapshot::id).toList();
        List<QuoteId> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);

        assertThat(search(null, null, QuoteSort.REQUESTED_ASC, null, 10)).containsExactlyElementsOf(ascending);
        assertThat(search(null, null, QuoteSort.REQUESTED_DESC, null, 10)).containsExactlyElementsOf(descending);
        for (int cut = 0; cut < ascending.size(); cut++) {
            QuoteSnapshot at = load(ascending.get(cut));
            EntryPosition after = new EntryPosition(at.requestedAt(), at.id().value());
            assertThat(search(null, null, QuoteSort.REQUESTED_ASC, after, 10))
                    .containsExactlyElementsOf(ascending.subList(cut + 1, ascending.size()));
            int inDescending = descending.indexOf(at.id());
            assertThat(search(null, null, QuoteSort.REQUESTED_DESC, after, 2))
                    .containsExactlyElementsOf(descending.subList(inDescending + 1,
                            Math.min(descending.size(), inDescending + 3)));
        }
        assertThat(search(QuoteStatus.QUOTED, null, QuoteSort.REQUESTED_ASC, null, 10))
                .containsExactly(all.get(4).id());
        assertThat(search(QuoteStatus.REQUESTED, Set.of(ann), QuoteSort.REQUESTED_ASC, null, 10))
                .containsExactlyElementsOf(ascending.stream().filter(id -> id.equals(all.get(0).id())
                        || id.equals(all.get(2).id())).toList());
        assertThat(search(null, Set.of(ann, ben), QuoteSort.REQUESTED_ASC, null, 3))
                .containsExactlyElementsOf(ascending.subList(0, 3));
        assertThat(tx(() -> repo().search(new QuoteSearchCriteria(null, Set.of(ann), QuoteSort.REQUESTED_ASC,
                null), 10)).get(0).snapshot()).isEqualTo(load(ascending.stream()
                .filter(id -> load(id).customer().equals(ann)).findFirst().orElseThrow()));
    }

    private List<QuoteId> search(QuoteStatus status, Set<CustomerId> customers, QuoteSort sort, EntryPosition after,
                                 int limit) {
        return tx(() -> repo().search(new QuoteSearchCriteria(status, customers, sort, after), limit)).stream()
                .map(Quote::id).toList();
    }

    @Test
    void listsQuotedOffersValidUntilAnInstantByValidityThenIdInPages() {
        Instant until = T0.plusSeconds(3600);
        List<QuoteId> due = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            QuoteId id = i % 2 == 0 ? new QuoteId(StaffFixtures.withHighBit(UuidV7.next(QuoteFixtures.IDS)))
                    : QuoteId.next(QuoteFixtures.IDS);
            due.add(stored(QuoteFixtures.answered(QuoteFixtures.requested(id, ann, T0, fox), "1",
                    i == 4 ? until : until.minusSeconds(i), T0)).id());
        }
        stored(QuoteFixtures.answered(QuoteFixtures.requested(ben, T0, fox), "1", until.plusNanos(1000), T0));
        stored(QuoteFixtures.requested(ben, T0, owl));
        Quote rejected = stored(QuoteFixtures.answered(QuoteFixtures.requested(ben, T0, owl), "1", until, T0));
        rejected.reject(null, T0.plusSeconds(5));
        update(rejected);

        // by end of validity (3 s, 2 s, 1 s before until), then the two ending at until by id (unsigned bytes)
        List<QuoteId> tied = java.util.stream.Stream.of(due.get(0), due.get(4))
                .sorted(Comparator.comparing(QuoteId::value, UuidV7::compareBytes)).toList();
        List<QuoteRepository.Due> order = List.of(new QuoteRepository.Due(due.get(3), until.minusSeconds(3)),
                new QuoteRepository.Due(due.get(2), until.minusSeconds(2)),
                new QuoteRepository.Due(due.get(1), until.minusSeconds(1)),
                new QuoteRepository.Due(tied.get(0), until), new QuoteRepository.Due(tied.get(1), until));
        assertThat(tx(() -> repo().quotedValidUntil(until, null, 10))).containsExactlyElementsOf(order);
        assertThat(tx(() -> repo().quotedValidUntil(until, null, 2))).containsExactlyElementsOf(order.subList(0, 2));
        assertThat(tx(() -> repo().quotedValidUntil(until, order.get(1), 2)))
                .containsExactlyElementsOf(order.subList(2, 4));
        assertThat(tx(() -> repo().quotedValidUntil(until, order.get(3), 2)))
                .as("after the first of two ending at the same instant").containsExactly(order.get(4));
        assertThat(tx(() -> repo().quotedValidUntil(until.minusSeconds(3), null, 10)))
                .containsExactly(order.get(0));
    }

    @Test
    void aSearchManagedByAStaffUserReadsOnlyTheQuotesOfTheCustomersTheyManage() {
        StaffId rep = StaffFixtures.storedStaffUser(persistence).id();
        StaffId other = StaffFixtures.storedStaffUser(persistence).id();
        StaffId nobody = StaffFixtures.storedStaffUser(persistence).id();
        managedBy(ann, rep);
        managedBy(ben, other);
        CustomerId cat = managedBy(LoyaltyFixtures.storedCustomer(persistence), rep);
        QuoteId annOld = stored(QuoteFixtures.requested(ann, T0, fox)).id();
        QuoteId benQuote = stored(QuoteFixtures.requested(ben, T0.plusSeconds(1), fox)).id();
        QuoteId catQuote = stored(QuoteFixtures.answered(QuoteFixtures.requested(cat, T0.plusSeconds(2), owl), "3",
                T0.plusSeconds(3600), T0.plusSeconds(2))).id();
        QuoteId annNew = stored(QuoteFixtures.requested(ann, T0.plusSeconds(3), owl)).id();

        assertThat(managedSearch(rep, null, null, QuoteSort.REQUESTED_DESC, null, 10))
                .as("the rep's customers' quotes, newest first").containsExactly(annNew, catQuote, annOld);
        assertThat(managedSearch(other, null, null, QuoteSort.REQUESTED_ASC, null, 10)).containsExactly(benQuote);
        assertThat(managedSearch(nobody, null, null, QuoteSort.REQUESTED_DESC, null, 10))
                .as("a staff user who manages no customer").isEmpty();
        assertThat(managedSearch(rep, QuoteStatus.QUOTED, null, QuoteSort.REQUESTED_DESC, null, 10))
                .containsExactly(catQuote);
        assertThat(managedSearch(rep, null, Set.of(ann), QuoteSort.REQUESTED_ASC, null, 10))
                .containsExactly(annOld, annNew);
        assertThat(managedSearch(rep, null, Set.of(ben), QuoteSort.REQUESTED_ASC, null, 10))
                .as("a customer the rep does not manage").isEmpty();
        assertThat(managedSearch(rep, null, null, QuoteSort.REQUESTED_DESC, null, 2)).containsExactly(annNew, catQuote);
        Quote after = tx(() -> repo().findById(catQuote)).orElseThrow();
        assertThat(managedSearch(rep, null, null, QuoteSort.REQUESTED_DESC,
                new EntryPosition(after.snapshot().requestedAt(), catQuote.value()), 10)).containsExactly(annOld);
    }

    @Test
    void aSearchManagedByAStaffUserFollowsTheAccountManagerAsStoredNow() {
        StaffId rep = StaffFixtures.storedStaffUser(persistence).id();
        StaffId successor = StaffFixtures.storedStaffUser(persistence).id();
        managedBy(ann, rep);
        QuoteId quote = stored(QuoteFixtures.requested(ann, T0, fox)).id();
        assertThat(managedSearch(rep, null, null, QuoteSort.REQUESTED_DESC, null, 10)).containsExactly(quote);

        managedBy(ann, successor);

        assertThat(managedSearch(rep, null, null, QuoteSort.REQUESTED_DESC, null, 10)).isEmpty();
        assertThat(managedSearch(successor, null, null, QuoteSort.REQUESTED_DESC, null, 10)).containsExactly(quote);
    }

    private CustomerId managedBy(CustomerId customer, StaffId manager) {
        CustomerStore customers = new CustomerStore(persistence.customers());
        tx(() -> {
            Customer c = customers.findById(customer).orElseThrow();
            c.assignAccountManager(manager, T0);
            customers.update(c);
            return null;
        });
        return customer;
    }

    private List<QuoteId> managedSearch(StaffId manager, QuoteStatus status, Set<CustomerId> customers,
                                        QuoteSort sort, EntryPosition after, int limit) {
        return tx(() -> repo().searchManagedBy(manager, new QuoteSearchCriteria(status, customers, sort, after),
                limit)).stream().map(Quote::id).toList();
    }
}
