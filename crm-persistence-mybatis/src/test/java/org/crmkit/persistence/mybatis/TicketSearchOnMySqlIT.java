package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.port.in.TicketSearchQuery;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** A ticket search's filters on MySQL: what the columns cannot hold is refused by name before any SQL runs. */
class TicketSearchOnMySqlIT {

    /**
     * Guards a fixed bug, where the searched category had no length limit: a 10 MB category went to MySQL, which
     * refused the statement (persistence_failure) instead of an invalid_command naming the field. The longest category a
     * ticket can have, 64 characters, is still searched.
     */
    @Test
    void aTenMegabyteCategoryIsInvalidCommandOnMySqlAndWritesNothing() {
        TicketWorld w = new TicketWorld(TestDatabase.get().emptyPersistence(), TicketWorld.MONDAY_9,
                SlaBreachNotifier.logging());
        w.submit(w.aliceActor, w.alice.id());
        long audit = rows("crm_audit_entry");
        long tickets = rows("crm_ticket");

        assertThatThrownBy(() -> w.tickets.search(w.manager, byCategory("c".repeat(10 * 1024 * 1024))))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        e -> assertThat(e.fields()).containsExactly("category"));

        assertThat(rows("crm_audit_entry")).as("audit entries").isEqualTo(audit);
        assertThat(rows("crm_ticket")).as("tickets").isEqualTo(tickets);
        assertThat(w.tickets.search(w.manager, byCategory("c".repeat(64))).items()).isEmpty();
    }

    private static TicketSearchQuery byCategory(String category) {
        return new TicketSearchQuery(null, null, null, null, null, category, null, null, null, null,
                PageRequest.first(10));
    }

    private static long rows(String table) {
        try (Connection c = TestDatabase.get().dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
