package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.staff.internal.store.DepartmentStore;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.internal.domain.Department;
import org.crmkit.core.staff.DepartmentSnapshot;
import org.crmkit.core.staff.port.out.DepartmentRepository;
import org.junit.jupiter.api.Test;

/** What every {@link DepartmentRepository} must do. Subclasses hand over an empty store before each test. */
public abstract class DepartmentRepositoryContract extends PortContract {
    private static final Instant LATER = StaffFixtures.T0.plusSeconds(3600).plusNanos(1000);

    private DepartmentStore repo() {
        return new DepartmentStore(persistence.departments());
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private void add(Department department) {
        persistence.unitOfWork().inTransaction(() -> repo().add(department));
    }

    private void update(Department department) {
        persistence.unitOfWork().inTransaction(() -> repo().update(department));
    }

    private Department load(DepartmentId id) {
        return tx(() -> repo().findById(id)).orElseThrow();
    }

    @Test
    void returnsEveryFieldOfANewDepartment() {
        StaffId manager = StaffFixtures.storedStaffUser(persistence).id();
        Department department = StaffFixtures.department("Ventes & Märkte 🦊", manager);
        add(department);
        assertThat(load(department.id()).snapshot()).isEqualTo(department.snapshot());
    }

    @Test
    void returnsEveryFieldOfAStoredStateWithoutManagerInactiveAndChangedLater() {
        DepartmentSnapshot state = new DepartmentSnapshot(DepartmentId.next(StaffFixtures.IDS), 0, "Закупки",
                null, false, StaffFixtures.T0, LATER);
        add(Department.restore(state));
        assertThat(load(state.id()).snapshot()).isEqualTo(state);
    }

    @Test
    void anUnknownIdIsEmpty() {
        add(StaffFixtures.department("Sales"));
        assertThat(tx(() -> repo().findById(DepartmentId.next(StaffFixtures.IDS)))).isEmpty();
    }

    @Test
    void aNameTakenIgnoringCaseSpacesAndAccentsIsAConflictNamingTheField() {
        Department sales = StaffFixtures.department("Sales");
        add(sales);
        for (String taken : List.of(" SALES ", "sales", "Säles", "ŠÁLÉS")) {
            Department twin = StaffFixtures.department(Department.checkName(taken));
            assertThatThrownBy(() -> add(twin)).as(taken)
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.code()).isEqualTo("duplicate");
                        assertThat(e.field()).isEqualTo("name");
                    });
            assertThat(tx(() -> repo().findById(twin.id()))).as(taken).isEmpty();
        }
        add(StaffFixtures.department("Sales Team"));
        assertThat(tx(() -> repo().findAll())).hasSize(2);
    }

    @Test
    void renamingOntoATakenNameIsAConflictAndChangesNothing() {
        add(StaffFixtures.department("Support"));
        Department sales = StaffFixtures.department("Sales");
        add(sales);
        Department loaded = load(sales.id());
        loaded.rename("SUPPORT", LATER);
        assertThatThrownBy(() -> update(loaded)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("duplicate");
            assertThat(e.field()).isEqualTo("name");
        });
        assertThat(load(sales.id()).snapshot()).isEqualTo(sales.snapshot());
    }

    @Test
    void updateStoresTheChangeAndAdvancesTheVersionEachTime() {
        StaffId manager = StaffFixtures.storedStaffUser(persistence).id();
        Department department = StaffFixtures.department("Sales");
        add(department);
        Department loaded = load(department.id());
        loaded.rename("Sales & Marketing", LATER);
        loaded.changeManager(manager, LATER);
        update(loaded);
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(load(department.id()).snapshot()).isEqualTo(loaded.snapshot());

        loaded.deactivate(LATER.plusSeconds(1));
        update(loaded);
        assertThat(loaded.version()).isEqualTo(2);
        DepartmentSnapshot stored = load(department.id()).snapshot();
        assertThat(stored).isEqualTo(loaded.snapshot());
        assertThat(stored.active()).isFalse();
        assertThat(stored.createdAt()).isEqualTo(StaffFixtures.T0);
    }

    @Test
    void theOldNameIsFreeAfterARename() {
        Department department = StaffFixtures.department("Sales");
        add(department);
        Department loaded = load(department.id());
        loaded.rename("Field Sales", LATER);
        update(loaded);
        Department again = StaffFixtures.department("Sales");
        add(again);
        assertThat(load(again.id()).snapshot().name()).isEqualTo("Sales");
    }

    @Test
    void aHoldReturnsTheStoredStateAndLeavesTheVersionSoAnUpdateFromItSucceeds() {
        Department department = StaffFixtures.department("Field Sales");
        add(department);
        Department held = tx(() -> repo().findByIdForUpdate(department.id())).orElseThrow();
        // held twice more (members moved in): what the department says, and its version, stay
        tx(() -> repo().findByIdForUpdate(department.id()));
        tx(() -> repo().findByIdForUpdate(department.id()));
        assertThat(held.snapshot()).isEqualTo(department.snapshot());
        assertThat(load(department.id()).snapshot()).isEqualTo(department.snapshot());
        held.rename("Key Accounts", LATER);
        update(held);
        assertThat(load(department.id()).version()).isEqualTo(1);
        assertThat(tx(() -> repo().findByIdForUpdate(DepartmentId.next(StaffFixtures.IDS)))).isEmpty();
    }

    @Test
    void aStaleUpdateIsAConflictAndChangesNothing() {
        Department department = StaffFixtures.department("Sales");
        add(department);
        Department first = load(department.id());
        Department second = load(department.id());
        first.rename("Inside Sales", LATER);
        update(first);
        second.rename("Outside Sales", LATER);
        assertThatThrownBy(() -> update(second)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("stale_version"));
        assertThat(second.version()).as("not recorded as stored").isZero();
        Department stored = load(department.id());
        assertThat(stored.snapshot()).isEqualTo(first.snapshot());
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void findAllOrdersByFoldedNameByCodePoint() {
        Department zulu = StaffFixtures.department("zulu");
        Department beta = StaffFixtures.department("Beta");
        Department emile = StaffFixtures.department("Émile");
        Department alpha = StaffFixtures.department("alpha");
        Department angel = StaffFixtures.department("Ängel");
        Department spaced = StaffFixtures.department("Sales North");
        Department dashed = StaffFixtures.department("Sales-North");
        Department fox = StaffFixtures.department("🦊 Team");
        Department fullWidth = StaffFixtures.department("Ｓales");
        List.of(zulu, beta, emile, alpha, angel, spaced, dashed, fox, fullWidth).forEach(this::add);

        // folded: alpha, angel, beta, emile, "sales north" (space 0x20) < "sales-north" (0x2D), zulu, then U+FF53
        // before U+1F98A: code point order, which UTF-16 order (String.compareTo) would reverse
        assertThat(tx(() -> repo().findAll())).extracting(Department::id).containsExactly(alpha.id(), angel.id(),
                beta.id(), emile.id(), spaced.id(), dashed.id(), zulu.id(), fullWidth.id(), fox.id());
    }

    @Test
    void findAllOfAnEmptyStoreIsEmpty() {
        assertThat(tx(() -> repo().findAll())).isEmpty();
    }

    @Test
    void aRolledBackAddLeavesNothingAndFreesTheName() {
        Department department = StaffFixtures.department("Sales");
        IllegalStateException failure = new IllegalStateException("after add");
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            repo().add(department);
            throw failure;
        })).isSameAs(failure);
        assertThat(tx(() -> repo().findById(department.id()))).isEmpty();
        assertThat(tx(() -> repo().findAll())).isEmpty();
        Department again = StaffFixtures.department("Sales");
        add(again);
        assertThat(tx(() -> repo().findAll())).extracting(Department::id).containsExactly(again.id());
    }
}
