package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseTotals;
import org.crmkit.core.sales.port.in.Sales;
import org.crmkit.core.sales.port.in.TopCustomer;
import org.crmkit.core.sales.port.in.TopCustomersQuery;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.LoyaltyWorld;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.persistence.mybatis.testing.ReplicatedDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code readsFrom(replica)} on two embedded MariaDB servers in real primary/replica replication (binary log on the
 * primary, {@code CHANGE MASTER TO} and {@code START SLAVE} on the replica; {@link ReplicatedDatabases}). With the
 * replica paused, as a replica that has fallen behind, the reports show the data as it was, every write lands on
 * the primary, the reads a write makes find what exists only there, and the other reads, a report inside a
 * transaction and the caller's authorization read the primary too.
 */
class ReplicaReadsIT {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-02T11:30:00Z");
    private static final TopCustomersQuery BEST_BY_AMOUNT = new TopCustomersQuery(T1, START, true, "EUR", 10);

    private static ReplicatedDatabases servers;

    @BeforeAll
    static void startPrimaryAndReplica() {
        servers = ReplicatedDatabases.start(Path.of("target/mariadb-replication").toAbsolutePath());
    }

    @AfterAll
    static void stopThem() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void reportsReadTheReplicaWhileWritesAndTheReadsInsideThemStayOnThePrimary() {
        // migrates the primary only: the schema reaches the replica through replication
        MyBatisCrmPersistence persistence = MyBatisCrmPersistence.builder(servers.primary())
                .readsFrom(servers.replica()).build();
        LoyaltyWorld world = new LoyaltyWorld(persistence, LoyaltyProgram.standard(), START, "replica");
        Sales sales = world.crm().sales();
        Actor manager = world.manager();
        CustomerView ada = world.customer("Ada");
        ProductView book = world.product("BOOK", "10.00", null);
        world.buy(ada.id(), T1, book, 1);
        servers.catchUp();
        assertThat(totals(sales, manager, ada)).containsExactly(tuple(1L, "10.00"));

        servers.pauseReplica();
        world.buy(ada.id(), T2, book, 2);
        CustomerView bob = world.customer("Bob");
        // the purchase use case reads Bob, who exists on the primary alone: a read inside a write reads there
        world.buy(bob.id(), T2, book, 5);
        assertThat(count(servers.primary(), "crm_purchase")).as("every write on the primary").isEqualTo(3);
        assertThat(count(servers.replica(), "crm_purchase")).as("the paused replica").isEqualTo(1);

        assertThat(totals(sales, manager, ada)).as("a report: read on the replica, as it was")
                .containsExactly(tuple(1L, "10.00"));
        assertThat(sales.topCustomers(manager, BEST_BY_AMOUNT)).extracting(t -> t.customerId(), t -> amount(t))
                .containsExactly(tuple(ada.id(), "10.00"));
        assertThat(sales.history(manager, new PurchaseHistoryQuery(ada.id(), PageRequest.first(10))).items())
                .as("not a report: a customer's purchases right after buying, on the primary").hasSize(2);
        assertThat(persistence.unitOfWork().inTransaction(() -> totals(sales, manager, ada)))
                .as("a report inside a transaction reads that transaction, on the primary")
                .containsExactly(tuple(2L, "30.00"));
        Actor newcomer = TestStaff.enrol(world.crm(), StaffId.next(world.clock()), Role.SALES_MANAGER);
        assertThat(sales.topCustomers(newcomer, BEST_BY_AMOUNT))
                .as("a staff user the replica does not know yet: authorized on the primary, served by the replica")
                .hasSize(1);

        servers.catchUp();
        assertThat(totals(sales, manager, ada)).as("caught up").containsExactly(tuple(2L, "30.00"));
        assertThat(sales.topCustomers(manager, BEST_BY_AMOUNT)).extracting(t -> t.customerId(), t -> amount(t))
                .containsExactly(tuple(bob.id(), "50.00"), tuple(ada.id(), "30.00"));
    }

    private static List<org.assertj.core.groups.Tuple> totals(Sales sales, Actor actor, CustomerView customer) {
        PurchaseTotals totals = sales.totals(actor, customer.id());
        return totals.currencies().stream()
                .map(t -> tuple(t.count(), t.amount().amount().toPlainString())).toList();
    }

    private static String amount(TopCustomer t) {
        return t.amount().amount().toPlainString();
    }

    private static long count(DataSource ds, String table) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
