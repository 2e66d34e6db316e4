package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.staff.internal.store.StaffStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.staff.StaffSnapshot;
import org.crmkit.core.staff.internal.domain.StaffUser;
import org.crmkit.core.staff.port.out.StaffRepository;
import org.crmkit.core.staff.port.out.StaffSearchCriteria;
import org.crmkit.core.staff.port.out.StaffSearchCriteria.Position;
import org.junit.jupiter.api.Test;

/** What every {@link StaffRepository} must do. Subclasses hand over an empty store before each test. */
public abstract class StaffRepositoryContract extends PortContract {
    private static final Instant LATER = StaffFixtures.T0.plusSeconds(86_400).plusNanos(7000);

    private StaffStore repo() {
        return new StaffStore(persistence.staff());
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private void add(StaffUser user) {
        persistence.unitOfWork().inTransaction(() -> repo().add(user));
    }

    private void update(StaffUser user) {
        persistence.unitOfWork().inTransaction(() -> repo().update(user));
    }

    private StaffUser load(StaffId id) {
        return tx(() -> repo().findById(id)).orElseThrow();
    }

    private DepartmentId department(String name) {
        return StaffFixtures.storedDepartment(persistence, name).id();
    }

    @Test
    void theInstallationIsMarkedBootstrappedOnceAndARollbackUndoesIt() {
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            assertThat(repo().markBootstrapped(StaffFixtures.T0)).isTrue();
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");

        assertThat(tx(() -> repo().markBootstrapped(StaffFixtures.T0))).isTrue();
        assertThat(tx(() -> repo().markBootstrapped(LATER))).isFalse();
    }

    @Test
    void returnsEveryFieldWithSeveralRolesADepartmentAndAnyScript() {
        DepartmentId sales = department("Sales");
        StaffUser user = StaffFixtures.staffUser("Zoë 🦊", "Ångström-가나", sales,
                EnumSet.of(Role.SALES_MANAGER, Role.SALES_REP, Role.CRM_MANAGER));
        add(user);
        assertThat(load(user.id()).snapshot()).isEqualTo(user.snapshot());
    }

    @Test
    void returnsAUserWithoutRolesOrDepartment() {
        StaffUser user = StaffFixtures.staffUser("Ada", "Lovelace", null, Set.of());
        add(user);
        StaffSnapshot stored = load(user.id()).snapshot();
        assertThat(stored).isEqualTo(user.snapshot());
        assertThat(stored.roles()).isEmpty();
        assertThat(stored.department()).isNull();
    }

    @Test
    void returnsAnInactiveUserChangedLaterWithEveryRole() {
        DepartmentId support = department("Support");
        StaffSnapshot state = new StaffSnapshot(StaffId.next(StaffFixtures.IDS), 0,
                new PersonName("李", "小龙"), StaffFixtures.uniqueEmail("inactive"), support,
                EnumSet.allOf(Role.class), false, StaffFixtures.T0, LATER);
        add(StaffUser.restore(state));
        assertThat(load(state.id()).snapshot()).isEqualTo(state);
    }

    @Test
    void anUnknownIdOrEmailIsEmpty() {
        add(StaffFixtures.staffUser("Ada", "Lovelace", null, Set.of()));
        assertThat(tx(() -> repo().findById(StaffId.next(StaffFixtures.IDS)))).isEmpty();
        assertThat(tx(() -> repo().findByEmail(EmailAddress.of("nobody@example.org")))).isEmpty();
    }

    @Test
    void findsAUserByWorkEmail() {
        StaffUser ada = StaffFixtures.staffUser("Ada", "Lovelace", null, Set.of(Role.ADMIN));
        StaffUser grace = StaffFixtures.staffUser("Grace", "Hopper", null, Set.of());
        add(ada);
        add(grace);
        EmailAddress shouted = EmailAddress.of(grace.snapshot().workEmail().value().toUpperCase(java.util.Locale.ROOT));
        assertThat(tx(() -> repo().findByEmail(shouted))).map(StaffUser::snapshot).contains(grace.snapshot());
        assertThat(tx(() -> repo().findByEmail(ada.snapshot().workEmail()))).map(StaffUser::id).contains(ada.id());
    }

    @Test
    void aTakenWorkEmailIsAConflictNamingTheField() {
        StaffUser one = StaffFixtures.staffUser("Ada", "Lovelace", null, Set.of());
        add(one);
        StaffUser two = StaffUser.restore(new StaffSnapshot(StaffId.next(StaffFixtures.IDS), 0,
                new PersonName("Ada", "Byron"), one.snapshot().workEmail(), null, Set.of(), true, StaffFixtures.T0,
                StaffFixtures.T0));
        assertThatThrownBy(() -> add(two)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("duplicate");
            assertThat(e.field()).isEqualTo("workEmail");
        });
        assertThat(tx(() -> repo().findById(two.id()))).isEmpty();
    }

    @Test
    void changingTheWorkEmailToATakenOneIsAConflictAndChangesNothing() {
        StaffUser ada = StaffFixtures.staffUser("Ada", "Lovelace", null, Set.of());
        StaffUser grace = StaffFixtures.staffUser("Grace", "Hopper", null, Set.of());
        add(ada);
        add(grace);
        StaffUser loaded = load(grace.id());
        loaded.update(new PersonName("Grace", "Hopper"), ada.snapshot().workEmail(), LATER);
        assertThatThrownBy(() -> update(loaded)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("duplicate");
            assertThat(e.field()).isEqualTo("workEmail");
        });
        assertThat(load(grace.id()).snapshot()).isEqualTo(grace.snapshot());
    }

    @Test
    void updateStoresRoleGrantsRevocationsAndAMoveAndAdvancesTheVersion() {
        DepartmentId sales = department("Sales");
        DepartmentId support = department("Support");
        StaffUser user = StaffFixtures.staffUser("Ada", "Lovelace", sales, EnumSet.of(Role.SALES_REP, Role.ADMIN));
        add(user);

        StaffUser loaded = load(user.id());
        loaded.grant(Role.SUPPORT_AGENT, LATER);
        loaded.grant(Role.SUPPORT_MANAGER, LATER);
        loaded.revoke(Role.SALES_REP, LATER);
        loaded.moveTo(support, LATER);
        update(loaded);
        assertThat(loaded.version()).isEqualTo(1);
        StaffSnapshot stored = load(user.id()).snapshot();
        assertThat(stored).isEqualTo(loaded.snapshot());
        assertThat(stored.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.SUPPORT_AGENT, Role.SUPPORT_MANAGER);
        assertThat(stored.department()).isEqualTo(support);

        loaded.revoke(Role.ADMIN, LATER.plusSeconds(1));
        loaded.revoke(Role.SUPPORT_AGENT, LATER.plusSeconds(1));
        loaded.revoke(Role.SUPPORT_MANAGER, LATER.plusSeconds(1));
        loaded.moveTo(null, LATER.plusSeconds(1));
        loaded.update(new PersonName("Augusta Ada", "King"), StaffFixtures.uniqueEmail("countess"),
                LATER.plusSeconds(1));
        update(loaded);
        assertThat(loaded.version()).isEqualTo(2);
        stored = load(user.id()).snapshot();
        assertThat(stored).isEqualTo(loaded.snapshot());
        assertThat(stored.roles()).isEmpty();
        assertThat(stored.department()).isNull();
    }

    @Test
    void aStaleUpdateIsAConflictAndChangesNothing() {
        StaffUser user = StaffFixtures.staffUser("Ada", "Lovelace", null, EnumSet.of(Role.SALES_REP));
        add(user);
        StaffUser first = load(user.id());
        StaffUser second = load(user.id());
        first.grant(Role.ADMIN, LATER);
        update(first);
        second.revoke(Role.SALES_REP, LATER);
        assertThatThrownBy(() -> update(second)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("stale_version"));
        assertThat(second.version()).as("not recorded as stored").isZero();
        StaffUser stored = load(user.id());
        assertThat(stored.snapshot()).isEqualTo(first.snapshot());
        assertThat(stored.snapshot().roles()).containsExactlyInAnyOrder(Role.SALES_REP, Role.ADMIN);
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void countsOnlyActiveHoldersOfARole() {
        StaffUser admin1 = StaffFixtures.staffUser("A", "One", null, EnumSet.of(Role.ADMIN));
        StaffUser admin2 = StaffFixtures.staffUser("A", "Two", null, EnumSet.of(Role.ADMIN, Role.SALES_REP));
        StaffUser formerAdmin = StaffFixtures.staffUser("A", "Gone", null, EnumSet.of(Role.ADMIN));
        formerAdmin.deactivate(StaffFixtures.T0);
        StaffUser rep = StaffFixtures.staffUser("B", "Rep", null, EnumSet.of(Role.SALES_REP));
        List.of(admin1, admin2, formerAdmin, rep).forEach(this::add);

        assertThat(tx(() -> repo().countActiveWithRoleForUpdate(Role.ADMIN))).isEqualTo(2);
        assertThat(tx(() -> repo().countActiveWithRoleForUpdate(Role.SALES_REP))).isEqualTo(2);
        assertThat(tx(() -> repo().countActiveWithRoleForUpdate(Role.PRODUCT_MANAGER))).isZero();

        StaffUser revoked = load(admin2.id());
        revoked.revoke(Role.ADMIN, LATER);
        update(revoked);
        assertThat(tx(() -> repo().countActiveWithRoleForUpdate(Role.ADMIN))).isEqualTo(1);
    }

    @Test
    void countsOnlyActiveMembersOfADepartment() {
        DepartmentId sales = department("Sales");
        DepartmentId support = department("Support");
        DepartmentId empty = department("Legal");
        StaffUser inactive = StaffFixtures.staffUser("C", "Gone", sales, Set.of());
        inactive.deactivate(StaffFixtures.T0);
        List.of(StaffFixtures.staffUser("A", "One", sales, Set.of()),
                StaffFixtures.staffUser("A", "Two", sales, EnumSet.of(Role.SALES_REP)), inactive,
                StaffFixtures.staffUser("B", "Three", support, Set.of()),
                StaffFixtures.staffUser("N", "None", null, Set.of())).forEach(this::add);

        assertThat(tx(() -> repo().countActiveInDepartment(sales))).isEqualTo(2);
        assertThat(tx(() -> repo().countActiveInDepartment(support))).isEqualTo(1);
        assertThat(tx(() -> repo().countActiveInDepartment(empty))).isZero();
    }

    @Test
    void searchFiltersByDepartmentRoleAndActivity() {
        DepartmentId sales = department("Sales");
        DepartmentId support = department("Support");
        StaffUser adams = StaffFixtures.staffUser("Ada", "Adams", sales, EnumSet.of(Role.SALES_REP));
        StaffUser baker = StaffFixtures.staffUser("Bea", "Baker", sales, EnumSet.of(Role.SALES_MANAGER));
        StaffUser clark = StaffFixtures.staffUser("Cy", "Clark", support, EnumSet.of(Role.SALES_REP));
        StaffUser dunn = StaffFixtures.staffUser("Di", "Dunn", sales, EnumSet.of(Role.SALES_REP, Role.ADMIN));
        dunn.deactivate(StaffFixtures.T0);
        StaffUser evans = StaffFixtures.staffUser("Ed", "Evans", null, Set.of());
        List.of(evans, dunn, clark, baker, adams).forEach(this::add);

        assertThat(ids(new StaffSearchCriteria(null, null, null, null)))
                .containsExactly(adams.id(), baker.id(), clark.id(), dunn.id(), evans.id());
        assertThat(ids(new StaffSearchCriteria(sales, null, null, null)))
                .containsExactly(adams.id(), baker.id(), dunn.id());
        assertThat(ids(new StaffSearchCriteria(null, Role.SALES_REP, null, null)))
                .containsExactly(adams.id(), clark.id(), dunn.id());
        assertThat(ids(new StaffSearchCriteria(null, null, true, null)))
                .containsExactly(adams.id(), baker.id(), clark.id(), evans.id());
        assertThat(ids(new StaffSearchCriteria(null, null, false, null))).containsExactly(dunn.id());
        assertThat(ids(new StaffSearchCriteria(sales, Role.SALES_REP, true, null))).containsExactly(adams.id());
        assertThat(ids(new StaffSearchCriteria(support, Role.SALES_MANAGER, null, null))).isEmpty();
    }

    @Test
    void searchReturnsWholeUsersWithTheirRoles() {
        DepartmentId sales = department("Sales");
        StaffUser user = StaffFixtures.staffUser("Ada", "Adams", sales, EnumSet.of(Role.SALES_REP, Role.ADMIN));
        add(user);
        assertThat(tx(() -> repo().search(new StaffSearchCriteria(null, Role.ADMIN, null, null), 10)))
                .extracting(StaffUser::snapshot).containsExactly(user.snapshot());
    }

    @Test
    void searchOrdersByFoldedNameThenIdBytesAndPagesStrictlyAfterAPosition() {
        StaffUser ada = StaffFixtures.staffUser("Ada", "Adams", null, Set.of());
        StaffUser zoe = StaffFixtures.staffUser("Zoë", "Ångström", null, Set.of());
        StaffUser bob = StaffFixtures.staffUser("Bob", "Brun", null, Set.of());
        StaffUser yann = StaffFixtures.staffUser("Yann", "Zola", null, Set.of());
        // three spellings of one sort key ("brun emile"): ties, ordered by id as unsigned bytes
        StaffUser tieA = StaffFixtures.staffUser("Émile", "Brun", null, Set.of());
        StaffUser tieB = StaffFixtures.staffUser("EMILE", "BRUN", null, Set.of());
        StaffId high = new StaffId(StaffFixtures.withHighBit(StaffId.next(StaffFixtures.IDS).value()));
        StaffUser tieHigh = StaffFixtures.staffUser(high, "emile", "brun", null, Set.of());
        List.of(tieHigh, yann, tieB, zoe, bob, tieA, ada).forEach(this::add);

        List<StaffUser> ordinaryTies = new ArrayList<>(List.of(tieA, tieB));
        ordinaryTies.sort((x, y) -> UuidV7.compareBytes(x.id().value(), y.id().value()));
        List<StaffId> expected = List.of(ada.id(), zoe.id(), bob.id(), ordinaryTies.get(0).id(),
                ordinaryTies.get(1).id(), tieHigh.id(), yann.id());
        assertThat(ids(new StaffSearchCriteria(null, null, null, null))).containsExactlyElementsOf(expected);

        List<StaffId> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Position after = null;
        for (int page = 0; page < 10; page++) {
            StaffSearchCriteria criteria = new StaffSearchCriteria(null, null, null, after);
            List<StaffUser> users = tx(() -> repo().search(criteria, 2));
            sizes.add(users.size());
            if (users.isEmpty()) {
                break;
            }
            users.forEach(u -> paged.add(u.id()));
            StaffSnapshot last = users.get(users.size() - 1).snapshot();
            after = new Position(last.name().sortKey(), last.id());
        }
        assertThat(sizes).containsExactly(2, 2, 2, 1, 0);
        assertThat(paged).containsExactlyElementsOf(expected);

        Position inTheTies = new Position("brun emile", ordinaryTies.get(0).id());
        assertThat(ids(new StaffSearchCriteria(null, null, null, inTheTies)))
                .containsExactly(ordinaryTies.get(1).id(), tieHigh.id(), yann.id());
        Position betweenKeys = new Position("brun", high);
        assertThat(ids(new StaffSearchCriteria(null, null, null, betweenKeys)))
                .containsExactly(bob.id(), ordinaryTies.get(0).id(), ordinaryTies.get(1).id(), tieHigh.id(),
                        yann.id());
    }

    @Test
    void searchHonoursTheLimit() {
        for (int i = 0; i < 5; i++) {
            add(StaffFixtures.staffUser("User", "Number " + i, null, Set.of()));
        }
        assertThat(tx(() -> repo().search(new StaffSearchCriteria(null, null, null, null), 3)))
                .extracting(u -> u.snapshot().name().last()).containsExactly("Number 0", "Number 1", "Number 2");
        assertThat(tx(() -> repo().search(new StaffSearchCriteria(null, null, null, null), 1))).hasSize(1);
    }

    private List<StaffId> ids(StaffSearchCriteria criteria) {
        return tx(() -> repo().search(criteria, 100)).stream().map(StaffUser::id).toList();
    }
}
