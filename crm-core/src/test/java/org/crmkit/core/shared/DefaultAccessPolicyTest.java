package org.crmkit.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.crmkit.core.customer.CustomerPermission;
import org.crmkit.core.product.ProductPermission;
import org.crmkit.core.sales.SalesPermission;
import org.crmkit.core.staff.StaffPermission;
import org.crmkit.core.ticket.TicketPermission;

/**
 * The mechanics of the default policy: scopes, several roles, object rules. Which use case each role may call is
 * checked against docs/authorization.md, through the use cases themselves, by {@code AuthorizationMatrixTest}.
 */
class DefaultAccessPolicyTest {
    private static final AccessPolicy POLICY = new DefaultAccessPolicy();
    private static final CustomerId OWNER = new CustomerId(UUID.fromString("01890000-0000-7000-8000-00000000000a"));
    private static final CustomerId SOMEONE_ELSE =
            new CustomerId(UUID.fromString("01890000-0000-7000-8000-00000000000b"));
    private static final StaffId STAFF = new StaffId(UUID.fromString("01890000-0000-7000-8000-00000000000c"));
    private static final StaffId COLLEAGUE = new StaffId(UUID.fromString("01890000-0000-7000-8000-00000000000d"));
    private static final DepartmentId SALES = new DepartmentId(UUID.fromString("01890000-0000-7000-8000-0000000000e1"));
    private static final DepartmentId SUPPORT =
            new DepartmentId(UUID.fromString("01890000-0000-7000-8000-0000000000e2"));

    /** Every permission but the catalog's read: the catalog is nobody's record, see the next test. */
    static Stream<Permission> everyPermissionButTheCatalogsRead() {
        return AllPermissions.all().stream().filter(p -> p != ProductPermission.PRODUCT_VIEW);
    }

    static List<Permission> everyPermission() {
        return AllPermissions.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPermissionButTheCatalogsRead")
    void aCustomerIsNeverAllowedOnSomeoneElsesRecordOrOnNoRecord(Permission permission) {
        Actor owner = Actor.customer(OWNER);
        assertThat(POLICY.permits(owner, permission, AccessTarget.customer(SOMEONE_ELSE, null))).isFalse();
        assertThat(POLICY.permits(owner, permission, AccessTarget.none())).isFalse();
        assertThat(POLICY.scope(owner, permission)).isIn(AccessScope.NONE, AccessScope.OWN);
    }

    @Test
    void aCustomerReadsTheWholeCatalogButDoesNotChangeIt() {
        Actor owner = Actor.customer(OWNER);
        assertThat(POLICY.scope(owner, ProductPermission.PRODUCT_VIEW)).isEqualTo(AccessScope.ANY);
        assertThat(POLICY.permits(owner, ProductPermission.PRODUCT_VIEW, AccessTarget.none())).isTrue();
        assertThat(POLICY.scope(owner, ProductPermission.PRODUCT_MANAGE)).isEqualTo(AccessScope.NONE);
        assertThat(POLICY.permits(owner, ProductPermission.PRODUCT_MANAGE, AccessTarget.none())).isFalse();
    }

    @Test
    void aCustomerReachesTheirOwnProfileExportAndAccount() {
        Actor owner = Actor.customer(OWNER);
        for (Permission p : List.of(CustomerPermission.CUSTOMER_VIEW, CustomerPermission.CUSTOMER_UPDATE_CONTACT,
                CustomerPermission.CUSTOMER_CONSENT, CustomerPermission.CUSTOMER_EXPORT, StaffPermission.ACCOUNT_CHANGE_PASSWORD,
                StaffPermission.ACCOUNT_LOGOUT, StaffPermission.ACCOUNT_MFA)) {
            assertThat(POLICY.permits(owner, p, AccessTarget.customer(OWNER, STAFF))).as(p.name()).isTrue();
        }
        assertThat(POLICY.permits(owner, CustomerPermission.CUSTOMER_ERASE, AccessTarget.customer(OWNER, null))).isFalse();
        assertThat(POLICY.permits(owner, CustomerPermission.CUSTOMER_TAG, AccessTarget.customer(OWNER, null))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPermission")
    void anAnonymousActorMayOnlyRegisterThemself(Permission permission) {
        boolean expected = permission == CustomerPermission.CUSTOMER_SELF_REGISTER;
        assertThat(POLICY.permits(Actor.anonymous(), permission, AccessTarget.none())).isEqualTo(expected);
        assertThat(POLICY.permits(Actor.anonymous(), permission, AccessTarget.customer(OWNER, null)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPermission")
    void theSystemMayDoEverythingButActOnAnAccountItDoesNotHave(Permission permission) {
        boolean perAccount = permission == StaffPermission.ACCOUNT_CHANGE_PASSWORD
                || permission == StaffPermission.ACCOUNT_LOGOUT
                || permission == StaffPermission.ACCOUNT_MFA
                || permission == TicketPermission.TICKET_PICK_UP; // the system is nobody a ticket can be assigned to
        assertThat(POLICY.scope(Actor.system("job"), permission))
                .isEqualTo(perAccount ? AccessScope.NONE : AccessScope.ANY);
    }

    @Test
    void aSalesRepReachesOnlyTheCustomersTheyManageButRegistersAnyone() {
        Actor rep = Actor.staff(STAFF, Set.of(Role.SALES_REP));
        assertThat(POLICY.permits(rep, CustomerPermission.CUSTOMER_VIEW, AccessTarget.customer(OWNER, STAFF))).isTrue();
        assertThat(POLICY.permits(rep, CustomerPermission.CUSTOMER_VIEW, AccessTarget.customer(OWNER, COLLEAGUE))).isFalse();
        assertThat(POLICY.permits(rep, CustomerPermission.CUSTOMER_VIEW, AccessTarget.customer(OWNER, null))).isFalse();
        assertThat(POLICY.scope(rep, CustomerPermission.CUSTOMER_SEARCH)).isEqualTo(AccessScope.OWN);
        assertThat(POLICY.scope(rep, CustomerPermission.CUSTOMER_REGISTER)).isEqualTo(AccessScope.ANY);
    }

    @Test
    void severalRolesGiveTheWidestScopeAnyOfThemGrants() {
        Actor repAndAgent = Actor.staff(STAFF, EnumSet.of(Role.SALES_REP, Role.SUPPORT_AGENT));
        assertThat(POLICY.scope(repAndAgent, CustomerPermission.CUSTOMER_VIEW)).isEqualTo(AccessScope.ANY);
        assertThat(POLICY.scope(repAndAgent, CustomerPermission.CUSTOMER_TAG)).isEqualTo(AccessScope.OWN);
        assertThat(POLICY.scope(repAndAgent, CustomerPermission.CUSTOMER_ERASE)).isEqualTo(AccessScope.NONE);
        Actor agentAndProductManager = Actor.staff(STAFF, EnumSet.of(Role.SUPPORT_AGENT, Role.PRODUCT_MANAGER));
        assertThat(POLICY.scope(agentAndProductManager, CustomerPermission.CUSTOMER_TAG)).isEqualTo(AccessScope.NONE);
    }

    @Test
    void aDepartmentScopeReachesTheCallersDepartmentAndThemselfOnly() {
        Actor manager = new Actor.Staff(STAFF, Set.of(Role.SALES_MANAGER), SALES);
        assertThat(POLICY.permits(manager, StaffPermission.STAFF_VIEW, AccessTarget.staff(COLLEAGUE, SALES))).isTrue();
        assertThat(POLICY.permits(manager, StaffPermission.STAFF_VIEW, AccessTarget.staff(COLLEAGUE, SUPPORT))).isFalse();
        assertThat(POLICY.permits(manager, StaffPermission.STAFF_VIEW, AccessTarget.staff(COLLEAGUE, null))).isFalse();
        assertThat(POLICY.permits(manager, StaffPermission.STAFF_VIEW, AccessTarget.staff(STAFF, SUPPORT))).isTrue();
        Actor noDepartment = Actor.staff(STAFF, Set.of(Role.SALES_MANAGER));
        assertThat(POLICY.permits(noDepartment, StaffPermission.STAFF_VIEW, AccessTarget.staff(COLLEAGUE, null)))
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void everyRoleReadsTheCatalogAndOnlyProductManagersAndAdministratorsChangeIt(Role role) {
        Actor staff = Actor.staff(STAFF, Set.of(role));
        boolean manages = role == Role.PRODUCT_MANAGER || role == Role.ADMIN;
        assertThat(POLICY.scope(staff, ProductPermission.PRODUCT_VIEW)).isEqualTo(AccessScope.ANY);
        assertThat(POLICY.permits(staff, ProductPermission.PRODUCT_VIEW, AccessTarget.none())).isTrue();
        assertThat(POLICY.scope(staff, ProductPermission.PRODUCT_MANAGE))
                .isEqualTo(manages ? AccessScope.ANY : AccessScope.NONE);
        assertThat(POLICY.permits(staff, ProductPermission.PRODUCT_MANAGE, AccessTarget.none())).isEqualTo(manages);
    }

    @Test
    void aProductManagerManagesTheCatalogAndGetsOnlyWhatEveryStaffUserGetsBesides() {
        Actor productManager = Actor.staff(STAFF, Set.of(Role.PRODUCT_MANAGER));
        for (Permission permission : AllPermissions.all()) {
            AccessScope expected;
            switch (permission.name()) {
                case "PRODUCT_MANAGE":
                case "PRODUCT_VIEW":
                case "DEPARTMENT_VIEW":
                case "FEEDBACK_PRODUCT_VIEW":
                case "FEEDBACK_STATISTICS":
                    expected = AccessScope.ANY;
                    break;
                case "STAFF_VIEW":
                case "ACCOUNT_CHANGE_PASSWORD":
                case "ACCOUNT_LOGOUT":
                case "ACCOUNT_MFA":
                case "TASK_VIEW":
                case "TASK_MANAGE":
                    expected = AccessScope.OWN;
                    break;
                default:
                    expected = AccessScope.NONE;
            }
            assertThat(POLICY.scope(productManager, permission)).as(permission.name()).isEqualTo(expected);
        }
        Actor productManagerAndRep = Actor.staff(STAFF, EnumSet.of(Role.PRODUCT_MANAGER, Role.SALES_REP));
        assertThat(POLICY.scope(productManagerAndRep, ProductPermission.PRODUCT_MANAGE)).isEqualTo(AccessScope.ANY);
        assertThat(POLICY.scope(productManagerAndRep, CustomerPermission.CUSTOMER_VIEW)).isEqualTo(AccessScope.OWN);
    }

    @Test
    void everyStaffUserSeesDepartmentsAndTheCatalogAndActsOnTheirOwnProfileAccountAndTasksOnly() {
        Actor noRoles = Actor.staff(STAFF, Set.of());
        for (Permission permission : AllPermissions.all()) {
            AccessScope expected;
            switch (permission.name()) {
                case "DEPARTMENT_VIEW":
                case "PRODUCT_VIEW":
                    expected = AccessScope.ANY;
                    break;
                case "STAFF_VIEW":
                case "ACCOUNT_CHANGE_PASSWORD":
                case "ACCOUNT_LOGOUT":
                case "ACCOUNT_MFA":
                case "TASK_VIEW":
                case "TASK_MANAGE":
                    expected = AccessScope.OWN;
                    break;
                default:
                    expected = AccessScope.NONE;
            }
            assertThat(POLICY.scope(noRoles, permission)).as(permission.name()).isEqualTo(expected);
        }
        assertThat(POLICY.permits(noRoles, StaffPermission.STAFF_VIEW, AccessTarget.staff(STAFF, null))).isTrue();
        assertThat(POLICY.permits(noRoles, StaffPermission.STAFF_VIEW, AccessTarget.staff(COLLEAGUE, null))).isFalse();
    }

    // ---- purchases and returns -----------------------------------------------------------------------------------

    /** @return the documented scope of a role for a sales permission ("Purchases and returns") */
    private static AccessScope documentedSalesScope(Role role, Permission permission) {
        switch (permission.name()) {
            case "SALES_RECORD":
                switch (role) {
                    case ADMIN:
                    case SALES_MANAGER:
                        return AccessScope.ANY;
                    case SALES_REP:
                        return AccessScope.OWN;
                    default:
                        return AccessScope.NONE;
                }
            case "SALES_RETURN":
                switch (role) {
                    case ADMIN:
                    case SALES_MANAGER:
                    case SUPPORT_MANAGER:
                        return AccessScope.ANY;
                    default:
                        return AccessScope.NONE;
                }
            case "SALES_VIEW":
                switch (role) {
                    case ADMIN:
                    case CRM_MANAGER:
                    case SALES_MANAGER:
                    case SUPPORT_MANAGER:
                    case SUPPORT_AGENT:
                        return AccessScope.ANY;
                    case SALES_REP:
                        return AccessScope.OWN;
                    default:
                        return AccessScope.NONE;
                }
            default:
                throw new IllegalArgumentException(permission + " is no sales permission");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void eachRoleGetsTheDocumentedScopeOnPurchasesAndReturnsAndNeverADepartmentScope(Role role) {
        Actor staff = new Actor.Staff(STAFF, Set.of(role), SALES);
        for (Permission permission : EnumSet.of(SalesPermission.SALES_RECORD, SalesPermission.SALES_RETURN,
                SalesPermission.SALES_VIEW)) {
            AccessScope expected = documentedSalesScope(role, permission);
            assertThat(POLICY.scope(staff, permission)).as("%s %s", role, permission).isEqualTo(expected);
            // a purchase of a customer the caller manages, of a colleague's customer, of an unmanaged customer, and
            // an anonymous sale (nobody's record)
            assertThat(POLICY.permits(staff, permission, AccessTarget.customer(OWNER, STAFF)))
                    .as("%s %s on a purchase of a customer they manage", role, permission)
                    .isEqualTo(expected != AccessScope.NONE);
            for (AccessTarget notTheirs : List.of(AccessTarget.customer(OWNER, COLLEAGUE),
                    AccessTarget.customer(OWNER, null), AccessTarget.none())) {
                assertThat(POLICY.permits(staff, permission, notTheirs))
                        .as("%s %s on %s", role, permission, notTheirs).isEqualTo(expected == AccessScope.ANY);
            }
        }
    }

    @Test
    void aSalesRepRecordsAndReadsPurchasesOfTheCustomersTheyManageOnlyAndReturnsNone() {
        Actor rep = Actor.staff(STAFF, Set.of(Role.SALES_REP));
        for (Permission p : EnumSet.of(SalesPermission.SALES_RECORD, SalesPermission.SALES_VIEW)) {
            assertThat(POLICY.scope(rep, p)).as(p.name()).isEqualTo(AccessScope.OWN);
            assertThat(POLICY.permits(rep, p, AccessTarget.customer(OWNER, STAFF))).as(p.name()).isTrue();
            assertThat(POLICY.permits(rep, p, AccessTarget.customer(OWNER, COLLEAGUE))).as(p.name()).isFalse();
            assertThat(POLICY.permits(rep, p, AccessTarget.customer(OWNER, null))).as(p.name()).isFalse();
            assertThat(POLICY.permits(rep, p, AccessTarget.none())).as("%s of an anonymous sale", p).isFalse();
        }
        assertThat(POLICY.scope(rep, SalesPermission.SALES_RETURN)).isEqualTo(AccessScope.NONE);
        assertThat(POLICY.permits(rep, SalesPermission.SALES_RETURN, AccessTarget.customer(OWNER, STAFF))).isFalse();
    }

    @Test
    void aCustomerReadsTheirOwnPurchasesButRecordsAndReturnsNone() {
        Actor owner = Actor.customer(OWNER);
        assertThat(POLICY.scope(owner, SalesPermission.SALES_VIEW)).isEqualTo(AccessScope.OWN);
        assertThat(POLICY.permits(owner, SalesPermission.SALES_VIEW, AccessTarget.customer(OWNER, STAFF))).isTrue();
        assertThat(POLICY.permits(owner, SalesPermission.SALES_VIEW, AccessTarget.customer(OWNER, null))).isTrue();
        assertThat(POLICY.permits(owner, SalesPermission.SALES_VIEW, AccessTarget.customer(SOMEONE_ELSE, null))).isFalse();
        assertThat(POLICY.permits(owner, SalesPermission.SALES_VIEW, AccessTarget.none()))
                .as("an anonymous sale").isFalse();
        for (Permission p : EnumSet.of(SalesPermission.SALES_RECORD, SalesPermission.SALES_RETURN)) {
            assertThat(POLICY.scope(owner, p)).as(p.name()).isEqualTo(AccessScope.NONE);
            assertThat(POLICY.permits(owner, p, AccessTarget.customer(OWNER, null))).as(p.name()).isFalse();
        }
    }

    @Test
    void theSystemAndAdministratorsReachEveryPurchaseIncludingAnonymousSales() {
        for (Actor actor : List.of(Actor.system("job"), Actor.staff(STAFF, Set.of(Role.ADMIN)))) {
            for (Permission p : EnumSet.of(SalesPermission.SALES_RECORD, SalesPermission.SALES_RETURN,
                    SalesPermission.SALES_VIEW)) {
                assertThat(POLICY.scope(actor, p)).as("%s %s", actor, p).isEqualTo(AccessScope.ANY);
                assertThat(POLICY.permits(actor, p, AccessTarget.none())).as("%s %s", actor, p).isTrue();
                assertThat(POLICY.permits(actor, p, AccessTarget.customer(OWNER, COLLEAGUE))).as("%s %s", actor, p)
                        .isTrue();
            }
        }
    }

    @Test
    void severalRolesGiveTheWidestScopeOnPurchasesToo() {
        Actor repAndAgent = Actor.staff(STAFF, EnumSet.of(Role.SALES_REP, Role.SUPPORT_AGENT));
        assertThat(POLICY.scope(repAndAgent, SalesPermission.SALES_VIEW)).isEqualTo(AccessScope.ANY);
        assertThat(POLICY.scope(repAndAgent, SalesPermission.SALES_RECORD)).isEqualTo(AccessScope.OWN);
        assertThat(POLICY.scope(repAndAgent, SalesPermission.SALES_RETURN)).isEqualTo(AccessScope.NONE);
        Actor repAndSupportManager = Actor.staff(STAFF, EnumSet.of(Role.SALES_REP, Role.SUPPORT_MANAGER));
        assertThat(POLICY.scope(repAndSupportManager, SalesPermission.SALES_RECORD)).isEqualTo(AccessScope.OWN);
        assertThat(POLICY.scope(repAndSupportManager, SalesPermission.SALES_RETURN)).isEqualTo(AccessScope.ANY);
        assertThat(POLICY.permits(repAndSupportManager, SalesPermission.SALES_RECORD, AccessTarget.none())).isFalse();
    }

    @Test
    void missingArgumentsAreDenied() {
        assertThat(POLICY.scope(null, CustomerPermission.CUSTOMER_VIEW)).isEqualTo(AccessScope.NONE);
        assertThat(POLICY.scope(Actor.system("job"), null)).isEqualTo(AccessScope.NONE);
        assertThat(POLICY.permits(Actor.system("job"), CustomerPermission.CUSTOMER_VIEW, null)).isFalse();
    }
}
