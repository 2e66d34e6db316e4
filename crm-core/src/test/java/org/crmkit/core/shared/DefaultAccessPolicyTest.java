package org.crmkit.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Permission.class, mode = EnumSource.Mode.EXCLUDE, names = "PRODUCT_VIEW")
    void aCustomerIsNeverAllowedOnSomeoneElsesRecordOrOnNoRecord(Permission permission) {
        Actor owner = Actor.customer(OWNER);
        assertThat(POLICY.permits(owner, permission, AccessTarget.customer(SOMEONE_ELSE, null))).isFalse();
        assertThat(POLICY.permits(owner, permission, AccessTarget.none())).isFalse();
        assertThat(POLICY.scope(owner, permission)).isIn(AccessScope.NONE, AccessScope.OWN);
    }

    @Test
    void aCustomerReadsTheWholeCatalogButDoesNotChangeIt() {
        Actor owner = Actor.customer(OWNER);
        assertThat(POLICY.scope(owner, Permission.PRODUCT_VIEW)).isEqualTo(AccessScope.ANY);
        assertThat(POLICY.permits(owner, Permission.PRODUCT_VIEW, AccessTarget.none())).isTrue();
        assertThat(POLICY.scope(owner, Permission.PRODUCT_MANAGE)).isEqualTo(AccessScope.NONE);
        assertThat(POLICY.permits(owner, Permission.PRODUCT_MANAGE, AccessTarget.none())).isFalse();
    }

    @Test
    void aCustomerReachesTheirOwnProfileExportAndAccount() {
        Actor owner = Actor.customer(OWNER);
        for (Permission p : EnumSet.of(Permission.CUSTOMER_VIEW, Permission.CUSTOMER_UPDATE_CONTACT,
                Permission.CUSTOMER_CONSENT, Permission.CUSTOMER_EXPORT, Permission.ACCOUNT_CHANGE_PASSWORD,
                Permission.ACCOUNT_LOGOUT)) {
            assertThat(POLICY.permits(owner, p, AccessTarget.customer(OWNER, STAFF))).as(p.name()).isTrue();
        }
        assertThat(POLICY.permits(owner, Permission.CUSTOMER_ERASE, AccessTarget.customer(OWNER, null))).isFalse();
        assertThat(POLICY.permits(owner, Permission.CUSTOMER_TAG, AccessTarget.customer(OWNER, null))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Permission.class)
    void anAnonymousActorMayOnlyRegisterThemself(Permission permission) {
        boolean expected = permission == Permission.CUSTOMER_SELF_REGISTER;
        assertThat(POLICY.permits(Actor.anonymous(), permission, AccessTarget.none())).isEqualTo(expected);
        assertThat(POLICY.permits(Actor.anonymous(), permission, AccessTarget.customer(OWNER, null)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Permission.class)
    void theSystemMayDoEverythingButActOnAnAccountItDoesNotHave(Permission permission) {
        boolean perAccount = permission == Permission.ACCOUNT_CHANGE_PASSWORD
                || permission == Permission.ACCOUNT_LOGOUT;
        assertThat(POLICY.scope(Actor.system("job"), permission))
                .isEqualTo(perAccount ? AccessScope.NONE : AccessScope.ANY);
    }

    @Test
    void aSalesRepReachesOnlyTheCustomersTheyManageButRegistersAnyone() {
        Actor rep = Actor.staff(STAFF, Set.of(Role.SALES_REP));
        assertThat(POLICY.permits(rep, Permission.CUSTOMER_VIEW, AccessTarget.customer(OWNER, STAFF))).isTrue();
        assertThat(POLICY.permits(rep, Permission.CUSTOMER_VIEW, AccessTarget.customer(OWNER, COLLEAGUE))).isFalse();
        assertThat(POLICY.permits(rep, Permission.CUSTOMER_VIEW, AccessTarget.customer(OWNER, null))).isFalse();
        assertThat(POLICY.scope(rep, Permission.CUSTOMER_SEARCH)).isEqualTo(AccessScope.OWN);
        assertThat(POLICY.scope(rep, Permission.CUSTOMER_REGISTER)).isEqualTo(AccessScope.ANY);
    }

    @Test
    void severalRolesGiveTheWidestScopeAnyOfThemGrants() {
        Actor repAndAgent = Actor.staff(STAFF, EnumSet.of(Role.SALES_REP, Role.SUPPORT_AGENT));
        assertThat(POLICY.scope(repAndAgent, Permission.CUSTOMER_VIEW)).isEqualTo(AccessScope.ANY);
        assertThat(POLICY.scope(repAndAgent, Permission.CUSTOMER_TAG)).isEqualTo(AccessScope.OWN);
        assertThat(POLICY.scope(repAndAgent, Permission.CUSTOMER_ERASE)).isEqualTo(AccessScope.NONE);
        Actor agentAndProductManager = Actor.staff(STAFF, EnumSet.of(Role.SUPPORT_AGENT, Role.PRODUCT_MANAGER));
        assertThat(POLICY.scope(agentAndProductManager, Permission.CUSTOMER_TAG)).isEqualTo(AccessScope.NONE);
    }

    @Test
    void aDepartmentScopeReachesTheCallersDepartmentAndThemselfOnly() {
        Actor manager = new Actor.Staff(STAFF, Set.of(Role.SALES_MANAGER), SALES);
        assertThat(POLICY.permits(manager, Permission.STAFF_VIEW, AccessTarget.staff(COLLEAGUE, SALES))).isTrue();
        assertThat(POLICY.permits(manager, Permission.STAFF_VIEW, AccessTarget.staff(COLLEAGUE, SUPPORT))).isFalse();
        assertThat(POLICY.permits(manager, Permission.STAFF_VIEW, AccessTarget.staff(COLLEAGUE, null))).isFalse();
        assertThat(POLICY.permits(manager, Permission.STAFF_VIEW, AccessTarget.staff(STAFF, SUPPORT))).isTrue();
        Actor noDepartment = Actor.staff(STAFF, Set.of(Role.SALES_MANAGER));
        assertThat(POLICY.permits(noDepartment, Permission.STAFF_VIEW, AccessTarget.staff(COLLEAGUE, null)))
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void everyRoleReadsTheCatalogAndOnlyProductManagersAndAdministratorsChangeIt(Role role) {
        Actor staff = Actor.staff(STAFF, Set.of(role));
        boolean manages = role == Role.PRODUCT_MANAGER || role == Role.ADMIN;
        assertThat(POLICY.scope(staff, Permission.PRODUCT_VIEW)).isEqualTo(AccessScope.ANY);
        assertThat(POLICY.permits(staff, Permission.PRODUCT_VIEW, AccessTarget.none())).isTrue();
        assertThat(POLICY.scope(staff, Permission.PRODUCT_MANAGE))
                .isEqualTo(manages ? AccessScope.ANY : AccessScope.NONE);
        assertThat(POLICY.permits(staff, Permission.PRODUCT_MANAGE, AccessTarget.none())).isEqualTo(manages);
    }

    @Test
    void aProductManagerManagesTheCatalogAndGetsOnlyWhatEveryStaffUserGetsBesides() {
        Actor productManager = Actor.staff(STAFF, Set.of(Role.PRODUCT_MANAGER));
        for (Permission permission : Permission.values()) {
            AccessScope expected;
            switch (permission) {
                case PRODUCT_MANAGE:
                case PRODUCT_VIEW:
                case DEPARTMENT_VIEW:
                    expected = AccessScope.ANY;
                    break;
                case STAFF_VIEW:
                case ACCOUNT_CHANGE_PASSWORD:
                case ACCOUNT_LOGOUT:
                    expected = AccessScope.OWN;
                    break;
                default:
                    expected = AccessScope.NONE;
            }
            assertThat(POLICY.scope(productManager, permission)).as(permission.name()).isEqualTo(expected);
        }
        Actor productManagerAndRep = Actor.staff(STAFF, EnumSet.of(Role.PRODUCT_MANAGER, Role.SALES_REP));
        assertThat(POLICY.scope(productManagerAndRep, Permission.PRODUCT_MANAGE)).isEqualTo(AccessScope.ANY);
        assertThat(POLICY.scope(productManagerAndRep, Permission.CUSTOMER_VIEW)).isEqualTo(AccessScope.OWN);
    }

    @Test
    void everyStaffUserSeesDepartmentsAndTheCatalogAndActsOnTheirOwnProfileAndAccountOnly() {
        Actor noRoles = Actor.staff(STAFF, Set.of());
        for (Permission permission : Permission.values()) {
            AccessScope expected;
            switch (permission) {
                case DEPARTMENT_VIEW:
                case PRODUCT_VIEW:
                    expected = AccessScope.ANY;
                    break;
                case STAFF_VIEW:
                case ACCOUNT_CHANGE_PASSWORD:
                case ACCOUNT_LOGOUT:
                    expected = AccessScope.OWN;
                    break;
                default:
                    expected = AccessScope.NONE;
            }
            assertThat(POLICY.scope(noRoles, permission)).as(permission.name()).isEqualTo(expected);
        }
        assertThat(POLICY.permits(noRoles, Permission.STAFF_VIEW, AccessTarget.staff(STAFF, null))).isTrue();
        assertThat(POLICY.permits(noRoles, Permission.STAFF_VIEW, AccessTarget.staff(COLLEAGUE, null))).isFalse();
    }

    @Test
    void missingArgumentsAreDenied() {
        assertThat(POLICY.scope(null, Permission.CUSTOMER_VIEW)).isEqualTo(AccessScope.NONE);
        assertThat(POLICY.scope(Actor.system("job"), null)).isEqualTo(AccessScope.NONE);
        assertThat(POLICY.permits(Actor.system("job"), Permission.CUSTOMER_VIEW, null)).isFalse();
    }
}
