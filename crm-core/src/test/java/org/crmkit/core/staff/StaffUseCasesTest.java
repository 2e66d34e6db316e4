package org.crmkit.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.AssignAccountManagerCommand;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.ChangeDepartmentManagerCommand;
import org.crmkit.core.staff.port.in.CreateDepartmentCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.DeactivateDepartmentCommand;
import org.crmkit.core.staff.port.in.DepartmentView;
import org.crmkit.core.staff.port.in.MoveStaffCommand;
import org.crmkit.core.staff.port.in.RenameDepartmentCommand;
import org.crmkit.core.staff.port.in.StaffRoleCommand;
import org.crmkit.core.staff.port.in.StaffSearchQuery;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.in.UpdateStaffCommand;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Departments and staff users as an administrator runs them, and what roles and departments let staff see. */
class StaffUseCasesTest {
    private static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    private static final String PASSWORD = "a long staff passphrase";
    private static final AccessContext CONTEXT = AccessContext.unknown();

    private MutableClock clock;
    private RecordingPublisher publisher;
    private Crm crm;
    private Actor admin;
    private DepartmentView sales;
    private DepartmentView support;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        publisher = new RecordingPublisher();
        crm = Crm.builder().clock(clock).eventPublisher(publisher)
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000)).build();
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.com", PASSWORD));
        admin = crm.accounts().authenticate("ada@example.com", PASSWORD, CONTEXT);
        sales = crm.departments().create(admin, new CreateDepartmentCommand(" Sales ", null));
        support = crm.departments().create(admin, new CreateDepartmentCommand("Support", null));
    }

    private StaffView hire(String first, String email, DepartmentView department, String... roles) {
        return crm.staff().create(admin, new CreateStaffCommand(first, "Staff", email,
                department == null ? null : department.id(), Set.of(roles), PASSWORD));
    }

    private Actor login(String email) {
        return crm.accounts().authenticate(email, PASSWORD, CONTEXT);
    }

    @Test
    void theFirstAdministratorIsBootstrappedOnlyOnce() {
        StaffView ada = crm.staff().findById(admin, ((Actor.Staff) admin).id()).orElseThrow();

        assertThat(ada.roles()).containsExactly(Role.ADMIN);
        assertThat(ada.active()).isTrue();
        assertThatThrownBy(() -> crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Eve", "Evil",
                "eve@example.com", PASSWORD))).isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("admin_exists"));
    }

    @Test
    void aDepartmentIsCreatedRenamedGivenAManagerAndListedByName() {
        StaffView lead = hire("Lena", "lena@example.com", sales, "SALES_MANAGER");

        DepartmentView renamed = crm.departments().rename(admin,
                new RenameDepartmentCommand(sales.id(), "Field Sales", sales.version()));
        DepartmentView managed = crm.departments().changeManager(admin,
                new ChangeDepartmentManagerCommand(sales.id(), lead.id(), renamed.version()));

        assertThat(sales.name()).isEqualTo("Sales");
        assertThat(managed.name()).isEqualTo("Field Sales");
        assertThat(managed.manager()).isEqualTo(lead.id());
        assertThat(managed.version()).isEqualTo(2);
        assertThat(crm.departments().list(login("lena@example.com"))).extracting(DepartmentView::name)
                .containsExactly("Field Sales", "Support");
        assertThat(publisher.events()).filteredOn(StaffEvents.DepartmentChanged.class::isInstance)
                .extracting(e -> ((StaffEvents.DepartmentChanged) e).change())
                .containsExactly("created", "created", "renamed", "manager_changed");
    }

    @Test
    void aDepartmentWithActiveMembersIsNotDeactivatedUntilTheyLeave() {
        StaffView member = hire("Max", "max@example.com", support, "SUPPORT_AGENT");

        assertThatThrownBy(() -> crm.departments().deactivate(admin,
                new DeactivateDepartmentCommand(support.id(), null)))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("department_has_members"));
        crm.staff().moveToDepartment(admin, new MoveStaffCommand(member.id(), sales.id(), null));
        DepartmentView closed = crm.departments().deactivate(admin,
                new DeactivateDepartmentCommand(support.id(), null));

        assertThat(closed.active()).isFalse();
        assertThatThrownBy(() -> crm.staff().moveToDepartment(admin, new MoveStaffCommand(member.id(),
                support.id(), null))).isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("department_inactive"));
    }

    @Test
    void aStaffUserIsUpdatedAndTheirLoginFollowsTheNewEmail() {
        StaffView max = hire("Max", "max@example.com", sales, "SALES_REP");

        StaffView updated = crm.staff().update(admin, new UpdateStaffCommand(max.id(), "Maximilian", "Staff",
                "Max.New@Example.com", max.version()));

        assertThat(updated.workEmail()).isEqualTo("max.new@example.com");
        assertThat(updated.firstName()).isEqualTo("Maximilian");
        assertThat(login("max.new@example.com")).isNotNull();
        assertThatThrownBy(() -> login("max@example.com")).isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("authentication_failed"));
    }

    @Test
    void rolesAreGrantedAndRevokedButTheLastAdministratorKeepsTheirs() {
        StaffView max = hire("Max", "max@example.com", sales, "SALES_REP");

        StaffView granted = crm.staff().grantRole(admin, new StaffRoleCommand(max.id(), "sales_manager", null));
        StaffView revoked = crm.staff().revokeRole(admin, new StaffRoleCommand(max.id(), "SALES_REP", null));

        assertThat(granted.roles()).containsExactlyInAnyOrder(Role.SALES_REP, Role.SALES_MANAGER);
        assertThat(revoked.roles()).containsExactly(Role.SALES_MANAGER);
        Actor.Staff ada = (Actor.Staff) admin;
        assertThatThrownBy(() -> crm.staff().revokeRole(admin, new StaffRoleCommand(ada.id(), "ADMIN", null)))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("last_admin"));
        crm.staff().grantRole(admin, new StaffRoleCommand(max.id(), "ADMIN", null));
        assertThat(crm.staff().revokeRole(admin, new StaffRoleCommand(ada.id(), "ADMIN", null)).roles()).isEmpty();
    }

    @Test
    void aManagerSeesTheirDepartmentAnAgentOnlyThemself() {
        hire("Lena", "lena@example.com", sales, "SALES_MANAGER");
        StaffView rep = hire("Rob", "rob@example.com", sales, "SALES_REP");
        StaffView agent = hire("Sue", "sue@example.com", support, "SUPPORT_AGENT");

        Actor lena = login("lena@example.com");
        assertThat(names(crm.staff().search(lena, StaffSearchQuery.all(10)))).containsExactly("Lena", "Rob");
        assertThat(crm.staff().findById(lena, rep.id())).isPresent();
        assertThatThrownBy(() -> crm.staff().findById(lena, agent.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(names(crm.staff().search(lena, new StaffSearchQuery(support.id(), null, null,
                PageRequest.first(10))))).as("another department's members").isEmpty();

        Actor sue = login("sue@example.com");
        assertThat(names(crm.staff().search(sue, StaffSearchQuery.all(10)))).containsExactly("Sue");
        assertThat(names(crm.staff().search(admin, StaffSearchQuery.all(10))))
                .containsExactly("Ada", "Lena", "Rob", "Sue");
    }

    @Test
    void staffSearchPagesByNameAndFiltersByRoleAndStatus() {
        for (String name : List.of("Zed", "Amy", "Kim", "Bob", "Ian")) {
            hire(name, name.toLowerCase() + "@example.com", sales, "SALES_REP");
        }
        hire("Pat", "pat@example.com", support, "SUPPORT_AGENT");

        List<String> seen = new ArrayList<>();
        StaffSearchQuery query = new StaffSearchQuery(null, "SALES_REP", true, PageRequest.first(2));
        Page<StaffView> page = crm.staff().search(admin, query);
        seen.addAll(names(page));
        while (page.hasNext()) {
            query = query.next(page);
            page = crm.staff().search(admin, query);
            seen.addAll(names(page));
        }
        assertThat(seen).containsExactly("Amy", "Bob", "Ian", "Kim", "Zed");
    }

    @Test
    void aSalesRepReachesOnlyTheCustomersTheyManageAndBecomesManagerOfThoseTheyRegister() {
        StaffView rob = hire("Rob", "rob@example.com", sales, "SALES_REP");
        hire("Ria", "ria@example.com", sales, "SALES_REP");
        Actor robActor = login("rob@example.com");
        Actor riaActor = login("ria@example.com");

        CustomerView robs = crm.customers().register(robActor, Registrations.any("one@example.com"));
        CustomerView rias = crm.customers().register(riaActor, Registrations.any("two@example.com"));
        CustomerView nobodys = crm.customers().register(admin, Registrations.any("three@example.com"));

        assertThat(robs.accountManager()).isEqualTo(rob.id());
        assertThat(nobodys.accountManager()).isNull();
        assertThat(crm.customers().search(robActor, CustomerSearchQuery.all(CustomerSort.NAME_ASC, 10)).items())
                .extracting(CustomerView::id).containsExactly(robs.id());
        assertThatThrownBy(() -> crm.customers().findById(robActor, rias.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.customers().findById(robActor, nobodys.id()))
                .isInstanceOf(AccessDeniedException.class);

        crm.customers().assignAccountManager(admin, new AssignAccountManagerCommand(nobodys.id(), rob.id(), null));
        clock.advance(Duration.ofSeconds(1));
        assertThat(crm.customers().findById(robActor, nobodys.id())).isPresent();
    }

    @Test
    void anAccountManagerMustBeAnActiveStaffUser() {
        StaffView rob = hire("Rob", "rob@example.com", sales, "SALES_REP");
        CustomerView customer = crm.customers().register(admin, Registrations.any("one@example.com"));
        crm.staff().deactivate(admin, new org.crmkit.core.staff.port.in.StaffStatusCommand(rob.id(), null));

        for (org.crmkit.core.shared.StaffId manager : List.of(rob.id(),
                org.crmkit.core.shared.StaffId.next(clock))) {
            assertThatThrownBy(() -> crm.customers().assignAccountManager(admin,
                    new AssignAccountManagerCommand(customer.id(), manager, null)))
                    .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("staff_inactive"));
        }
        assertThat(crm.customers().findById(admin, customer.id()).orElseThrow())
                .isEqualTo(customer).extracting(CustomerView::accountManager).isNull();
    }

    @Test
    void aSalesRepsPossibleDuplicatesShowOnlyCustomersTheyMayView() {
        hire("Rob", "rob@example.com", sales, "SALES_REP");
        Actor rob = login("rob@example.com");
        org.crmkit.core.customer.port.in.AddressData zurich = new org.crmkit.core.customer.port.in.AddressData(
                "1 Main Street", null, "8001", "Zürich", null, "CH");
        CustomerView others = crm.customers().register(admin, new org.crmkit.core.customer.port.in
                .RegisterCustomerCommand("John", "Smith", "john.one@example.com", null, zurich, null, null,
                org.crmkit.core.customer.CustomerSource.OTHER, null, false));
        CustomerView robs = crm.customers().register(rob, new org.crmkit.core.customer.port.in
                .RegisterCustomerCommand("John", "Smith", "john.two@example.com", null, zurich, null, null,
                org.crmkit.core.customer.CustomerSource.OTHER, null, false));
        CustomerView robsToo = crm.customers().register(rob, new org.crmkit.core.customer.port.in
                .RegisterCustomerCommand("John", "Smith", "john.three@example.com", null, zurich, null, null,
                org.crmkit.core.customer.CustomerSource.OTHER, null, false));

        assertThat(crm.customers().findPossibleDuplicates(rob, robs.id()))
                .extracting(c -> c.customer().id()).containsExactly(robsToo.id());
        assertThat(crm.customers().findPossibleDuplicates(admin, robs.id()))
                .extracting(c -> c.customer().id()).containsExactlyInAnyOrder(others.id(), robsToo.id());
    }

    private static List<String> names(Page<StaffView> page) {
        return page.items().stream().map(StaffView::firstName).toList();
    }
}
