package org.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.port.in.LoyalCustomersQuery;
import org.crmkit.core.loyalty.port.in.LoyaltyRanking;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.loyalty.port.in.OpenLoyaltyAccountCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.TopCustomersQuery;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.testing.LoyaltyWorld;
import org.junit.jupiter.api.Test;

/**
 * Which sales and loyalty use cases run as a stale-tolerant read, the ones an adapter may send to a read replica
 * (ADR 14): the figures (a customer's totals, the top customers, the loyalty ranking) do, every write and the reads a
 * customer makes right after a change (a purchase, the history, the statement) do not. Counted on a unit of work that
 * records each kind of transaction a use case begins.
 */
class ReportsReadStaleTolerantTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T10:00:00Z");

    private final Recording persistence = new Recording(Crm.inMemoryPersistence());
    private final LoyaltyWorld world = new LoyaltyWorld(persistence, LoyaltyProgram.standard(), START, "stale");

    @Test
    void reportsReadStaleTolerantAndWritesAndTheirFollowUpReadsDoNot() {
        CustomerView ada = world.customer("Ada");
        ProductView book = world.product("BOOK", "10.00", null);
        world.crm().loyalty().openAccount(world.manager(), new OpenLoyaltyAccountCommand(ada.id()));
        persistence.begun.clear();

        PurchaseView bought = world.buy(ada.id(), T1, book, 2);
        world.crm().sales().history(world.manager(), new PurchaseHistoryQuery(ada.id(), PageRequest.first(10)));
        world.crm().sales().findById(world.manager(), bought.id());
        world.crm().loyalty().statement(world.manager(), new LoyaltyStatementQuery(ada.id(), PageRequest.first(10)));
        assertThat(persistence.begun).as("a write, and what a customer reads right after it").doesNotContain("stale");

        persistence.begun.clear();
        assertThat(world.crm().sales().totals(world.manager(), ada.id()).currencies()).hasSize(1);
        assertThat(world.crm().sales().topCustomers(world.manager(), new TopCustomersQuery(T1, START, true, "EUR", 5)))
                .hasSize(1);
        assertThat(world.crm().loyalty().loyalCustomers(world.manager(),
                new LoyalCustomersQuery(T1, START, LoyaltyRanking.PURCHASE_AMOUNT, "EUR", 5))).hasSize(1);
        assertThat(persistence.begun).as("each report: authorized in a transaction, read stale-tolerant")
                .containsExactly("transaction", "stale", "transaction", "stale", "transaction", "stale");

        persistence.begun.clear();
        List<Object> totalsInside = new ArrayList<>();
        persistence.unitOfWork().inTransaction(() -> totalsInside.add(
                world.crm().sales().totals(world.manager(), ada.id())));
        assertThat(persistence.begun).as("a report inside a transaction runs in it").containsExactly("transaction");
        assertThat(totalsInside).hasSize(1);
    }

    /** The in-memory persistence, its unit of work noting which kind of outermost transaction each call begins. */
    private static final class Recording implements CrmPersistence {
        private final CrmPersistence inner;
        private final List<String> begun = new ArrayList<>();
        private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
        private final UnitOfWork unitOfWork;

        Recording(CrmPersistence inner) {
            this.inner = inner;
            UnitOfWork delegate = inner.unitOfWork();
            this.unitOfWork = new UnitOfWork() {
                @Override
                public <T> T inTransaction(Supplier<T> work) {
                    return noted("transaction", () -> delegate.inTransaction(work));
                }

                @Override
                public <T> T inStaleTolerantRead(Supplier<T> work) {
                    return noted("stale", () -> delegate.inStaleTolerantRead(work));
                }

                @Override
                public boolean startsOwnTransaction() {
                    return delegate.startsOwnTransaction();
                }

                @Override
                public <T> T inSeries(Supplier<T> work) {
                    return delegate.inSeries(work);
                }

                @Override
                public void afterCommit(Runnable action) {
                    delegate.afterCommit(action);
                }
            };
        }

        private <T> T noted(String kind, Supplier<T> call) {
            if (depth.get() == 0) {
                begun.add(kind);
            }
            depth.set(depth.get() + 1);
            try {
                return call.get();
            } finally {
                depth.set(depth.get() - 1);
            }
        }

        @Override
        public UnitOfWork unitOfWork() {
            return unitOfWork;
        }

        @Override
        public <P> Optional<P> port(Class<P> type) {
            return inner.port(type);
        }
    }
}
