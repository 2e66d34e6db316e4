package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.time.LocalDate;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerEvents.CustomerRegistered;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.AddressData;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.customer.port.in.UpdateContactDetailsCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer use cases end to end on MySQL: what a host sees through {@code Crm}. */
class CustomerUseCasesOnMySqlIT {
    private final Actor staff = Actor.staff(StaffId.next(Clock.systemUTC()), Set.of(Role.SALES_MANAGER));
    private final List<DomainEvent> published = new CopyOnWriteArrayList<>();
    private Crm crm;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().persistence(TestDatabase.get().emptyPersistence()).eventPublisher(published::add).build();
        TestStaff.enrol(crm, staff);
    }

    @Test
    void aDuplicateEmailOrPhoneInAnotherSpellingIsAConflictNamingTheExistingCustomer() {
        CustomerView first = crm.customers().register(staff, command("Ada@Example.org", "+41 44 668 18 00"));
        assertThatThrownBy(() -> crm.customers().register(staff, command("  ada@EXAMPLE.org ", null)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.existingId()).contains(first.id().toString());
                });
        assertThatThrownBy(() -> crm.customers().register(staff, command("other@example.org", "0041446681800")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("phone");
                    assertThat(e.existingId()).contains(first.id().toString());
                });
        assertThat(rows("crm_customer")).isEqualTo(1);
        assertThat(published).hasSize(1).first().isInstanceOf(CustomerRegistered.class);
    }

    @Test
    void keysetPagesReturnEveryCustomerOnceWhileRowsAreInsertedBetweenCalls() {
        Set<CustomerId> expected = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            expected.add(crm.customers().register(staff, command("p" + i + "@example.org", null)).id());
        }
        List<CustomerId> seen = new ArrayList<>();
        CustomerSearchQuery query = CustomerSearchQuery.all(CustomerSort.REGISTERED_ASC, 3);
        Page<CustomerView> page = crm.customers().search(staff, query);
        int inserted = 0;
        while (true) {
            page.items().forEach(v -> seen.add(v.id()));
            expected.add(crm.customers().register(staff, command("late" + inserted++ + "@example.org", null)).id());
            if (page.nextCursor().isEmpty()) {
                break;
            }
            page = crm.customers().search(staff, query.withPage(query.page().next(page.nextCursor().get())));
        }
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).hasSizeGreaterThanOrEqualTo(7);
        assertThat(expected).containsAll(seen);
        assertThat(seen.get(seen.size() - 1)).as("inserted rows sort after the cursor and are reached")
                .isNotIn(seen.subList(0, 7));
    }

    @Test
    void badInputWritesNothingOnMySql() throws Exception {
        crm.customers().register(staff, command("keep@example.org", null));
        long audit = rows("crm_audit_entry");
        assertThatThrownBy(() -> crm.customers().register(staff, new RegisterCustomerCommand(" ", "x".repeat(300),
                "not-an-email", "call me", new AddressData("1 Road", null, null, "Town", null, "XX"), null, null,
                null, null, false)))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.fields())
                        .contains("firstName", "lastName", "phone", "source"));
        assertThatThrownBy(() -> crm.customers().register(staff, new RegisterCustomerCommand("Ok", "Name",
                "bad@@example", null, new AddressData("1 Road", null, null, "Town", null, "XX"), null, null,
                CustomerSource.WEB, null, false)))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        e -> assertThat(e.fields()).containsExactly("address.countryCode", "email"));
        assertThatThrownBy(() -> crm.customers().search(staff, CustomerSearchQuery.all(CustomerSort.NAME_ASC, 2)
                .withPage(new PageRequest(2, "bm90LWEtY3Vyc29y"))))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("page.cursor"));
        assertThat(rows("crm_customer")).isEqualTo(1);
        assertThat(rows("crm_audit_entry")).isEqualTo(audit);
    }

    /**
     * Guards a fixed bug, where a date of birth of {@code LocalDate.MIN} passed the use case and MySQL's DATE column
     * refused it: a persistence_failure instead of an invalid_command naming the field. The earliest date accepted,
     * 1000-01-01, is stored and read back.
     */
    @Test
    void aDateOfBirthBeforeTheYear1000IsInvalidCommandOnMySqlAndWritesNothing() {
        CustomerView kept = crm.customers().register(staff, command("keep@example.org", null));
        long audit = rows("crm_audit_entry");
        for (LocalDate birth : List.of(LocalDate.MIN, LocalDate.of(1, 1, 1), LocalDate.of(999, 12, 31))) {
            assertThatThrownBy(() -> crm.customers().register(staff, bornOn("born@example.org", birth)))
                    .isInstanceOfSatisfying(InvalidCommandException.class,
                            e -> assertThat(e.fields()).containsExactly("dateOfBirth"));
            assertThatThrownBy(() -> crm.customers().updateContactDetails(staff,
                    UpdateContactDetailsCommand.of(kept.id(), kept.version()).dateOfBirth(birth).build()))
                    .isInstanceOfSatisfying(InvalidCommandException.class,
                            e -> assertThat(e.fields()).containsExactly("dateOfBirth"));
        }
        assertThat(rows("crm_customer")).isEqualTo(1);
        assertThat(rows("crm_audit_entry")).isEqualTo(audit);
        assertThat(crm.customers().findById(staff, kept.id()).orElseThrow()).isEqualTo(kept);

        LocalDate earliest = LocalDate.of(1000, 1, 1);
        CustomerView old = crm.customers().register(staff, bornOn("old@example.org", earliest));
        assertThat(crm.customers().findById(staff, old.id()).orElseThrow().dateOfBirth()).isEqualTo(earliest);
    }

    @Test
    void anUnreachableDatabaseIsAPersistenceFailureNeverADriverException() {
        MysqlDataSource nowhere = new MysqlDataSource();
        nowhere.setUrl("jdbc:mysql://127.0.0.1:1/none?connectTimeout=2000");
        Crm broken = Crm.builder().persistence(MyBatisCrmPersistence.builder(nowhere).migrate(false).build()).build();
        assertThatThrownBy(() -> broken.customers().register(staff, command("x@example.org", null)))
                .isInstanceOfSatisfying(PersistenceFailureException.class, CustomerUseCasesOnMySqlIT::noForeignCause)
                .hasMessageNotContaining("x@example.org");
        assertThatThrownBy(() -> MyBatisCrmPersistence.builder(nowhere).build())
                .isInstanceOfSatisfying(PersistenceFailureException.class, CustomerUseCasesOnMySqlIT::noForeignCause);
    }

    @Test
    void timeBoundsSelectTheSameRowsAsInMemoryDownToTheNanosecond() {
        Clock fixed = Clock.fixed(java.time.Instant.parse("2026-04-01T10:00:00.000001Z"), java.time.ZoneOffset.UTC);
        Crm onMySql = Crm.builder().clock(fixed).persistence(TestDatabase.get().emptyPersistence()).build();
        Crm inMemory = Crm.builder().clock(fixed).build();
        for (Crm each : List.of(onMySql, inMemory)) {
            TestStaff.enrol(each, staff);
            each.customers().register(staff, command("bound@example.org", null));
        }
        java.time.Instant justAfter = fixed.instant().plusNanos(400);
        for (Crm each : List.of(onMySql, inMemory)) {
            assertThat(each.customers().search(staff, new CustomerSearchQuery(null, null, null, null, null,
                    justAfter, null, CustomerSort.NAME_ASC, PageRequest.first(10))).items()).isEmpty();
            assertThat(each.customers().search(staff, new CustomerSearchQuery(null, null, null, null, null,
                    null, justAfter, CustomerSort.NAME_ASC, PageRequest.first(10))).items()).hasSize(1);
        }
    }

    @Test
    void textThatFoldsToNothingFiltersNothingOnEitherAdapter() {
        CustomerView gone = crm.customers().register(staff, command("gone@example.org", null));
        crm.customers().register(staff, command("here@example.org", null));
        crm.customers().erase(Actor.system("test"), gone.id());
        CustomerSearchQuery all = CustomerSearchQuery.all(CustomerSort.NAME_ASC, 10);
        CustomerSearchQuery mark = new CustomerSearchQuery("\u0301", null, null, null, null, null, null,
                CustomerSort.NAME_ASC, PageRequest.first(10));
        assertThat(crm.customers().search(staff, mark).items())
                .isEqualTo(crm.customers().search(staff, all).items()).hasSize(1);
    }

    private static void noForeignCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            assertThat(t.getClass().getName()).doesNotStartWith("org.apache.ibatis").doesNotStartWith("com.mysql")
                    .doesNotStartWith("java.sql").doesNotStartWith("org.flywaydb");
        }
    }

    private static RegisterCustomerCommand bornOn(String email, LocalDate dateOfBirth) {
        return new RegisterCustomerCommand("Ada", "Lovelace", email, null, null, dateOfBirth, null, CustomerSource.WEB,
                null, false);
    }

    private static RegisterCustomerCommand command(String email, String phone) {
        return new RegisterCustomerCommand("Ada", "Lovelace", email, phone, null, null, null, CustomerSource.WEB,
                null, false);
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
