package org.crmkit.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The table of docs/authorization.md, cell by cell, and the object rule for customers acting for themselves. */
class DefaultAccessPolicyTest {
    private static final AccessPolicy POLICY = new DefaultAccessPolicy();
    private static final CustomerId OWNER = new CustomerId(UUID.fromString("01890000-0000-7000-8000-00000000000a"));
    private static final CustomerId SOMEONE_ELSE = new CustomerId(UUID.fromString("01890000-0000-7000-8000-00000000000b"));
    private static final StaffId STAFF = new StaffId(UUID.fromString("01890000-0000-7000-8000-00000000000c"));

    private static final List<String> COLUMNS = List.of("ADMIN", "CRM_MANAGER", "SALES_MANAGER", "SALES_REP",
            "SUPPORT_MANAGER", "SUPPORT_AGENT", "PRODUCT_MANAGER", "customer (own)", "system", "anonymous");

    /**
     * docs/authorization.md, one row per permission in the column order above: y = allowed, - = denied.
     */
    private static final Map<Permission, String> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put(Permission.CUSTOMER_REGISTER,        "y y y y - - - - y -");
        TABLE.put(Permission.CUSTOMER_SELF_REGISTER,   "- - - - - - - - y y");
        TABLE.put(Permission.CUSTOMER_VIEW,            "y y y y y y - y y -");
        TABLE.put(Permission.CUSTOMER_SEARCH,          "y y y y y y - - y -");
        TABLE.put(Permission.CUSTOMER_UPDATE_CONTACT,  "y y y y y y - y y -");
        TABLE.put(Permission.CUSTOMER_CHANGE_STATUS,   "y y y - - - - - y -");
        TABLE.put(Permission.CUSTOMER_ASSIGN_MANAGER,  "y y y - - - - - y -");
        TABLE.put(Permission.CUSTOMER_TAG,             "y y y y - - - - y -");
        TABLE.put(Permission.CUSTOMER_CONSENT,         "y y y y y y - y y -");
        TABLE.put(Permission.CUSTOMER_FIND_DUPLICATES, "y y y y - - - - y -");
        TABLE.put(Permission.CUSTOMER_EXPORT,          "y y - - - - - y y -");
        TABLE.put(Permission.CUSTOMER_ERASE,           "y y - - - - - - y -");
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        TABLE.forEach((permission, row) -> {
            String[] marks = row.split(" ");
            for (int column = 0; column < COLUMNS.size(); column++) {
                cells.add(Arguments.of(permission, COLUMNS.get(column), marks[column].equals("y")));
            }
        });
        return cells.stream();
    }

    @Test
    void theTableCoversEveryPermission() {
        assertThat(TABLE.keySet()).containsExactlyInAnyOrder(Permission.values());
        assertThat(cells()).hasSize(Permission.values().length * COLUMNS.size());
    }

    @ParameterizedTest(name = "{0} for {1}: {2}")
    @MethodSource("cells")
    void followsTheDocumentedTable(Permission permission, String column, boolean allowed) {
        assertThat(POLICY.permits(actorOf(column), permission, Optional.of(OWNER))).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Permission.class)
    void aCustomerIsNeverAllowedOnSomeoneElsesRecordOrOnNoRecord(Permission permission) {
        Actor owner = Actor.customer(OWNER);
        assertThat(POLICY.permits(owner, permission, Optional.of(SOMEONE_ELSE))).isFalse();
        assertThat(POLICY.permits(owner, permission, Optional.empty())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Permission.class)
    void anAnonymousActorMayOnlyRegisterThemself(Permission permission) {
        boolean expected = permission == Permission.CUSTOMER_SELF_REGISTER;
        assertThat(POLICY.permits(Actor.anonymous(), permission, Optional.empty())).isEqualTo(expected);
        assertThat(POLICY.permits(Actor.anonymous(), permission, Optional.of(OWNER))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void aStaffRoleDoesNotDependOnWhoseRecordItIs(Role role) {
        Actor staff = Actor.staff(STAFF, Set.of(role));
        for (Permission permission : Permission.values()) {
            assertThat(POLICY.permits(staff, permission, Optional.of(SOMEONE_ELSE)))
                    .isEqualTo(POLICY.permits(staff, permission, Optional.empty()))
                    .isEqualTo(POLICY.permits(staff, permission, Optional.of(OWNER)));
        }
    }

    @Test
    void severalRolesAddUp() {
        Actor agentAndProductManager = Actor.staff(STAFF, EnumSet.of(Role.SUPPORT_AGENT, Role.PRODUCT_MANAGER));
        Actor salesRepAndSupport = Actor.staff(STAFF, EnumSet.of(Role.SALES_REP, Role.SUPPORT_AGENT));
        assertThat(POLICY.permits(agentAndProductManager, Permission.CUSTOMER_VIEW, Optional.empty())).isTrue();
        assertThat(POLICY.permits(agentAndProductManager, Permission.CUSTOMER_TAG, Optional.empty())).isFalse();
        assertThat(POLICY.permits(salesRepAndSupport, Permission.CUSTOMER_TAG, Optional.empty())).isTrue();
        assertThat(POLICY.permits(salesRepAndSupport, Permission.CUSTOMER_ERASE, Optional.empty())).isFalse();
    }

    @Test
    void staffWithoutRolesAndMissingArgumentsGetNothing() {
        Actor noRoles = Actor.staff(STAFF, Set.of());
        for (Permission permission : Permission.values()) {
            assertThat(POLICY.permits(noRoles, permission, Optional.empty())).isFalse();
            assertThat(POLICY.permits(null, permission, Optional.empty())).isFalse();
        }
        assertThat(POLICY.permits(Actor.system("job"), null, Optional.empty())).isFalse();
    }

    private static Actor actorOf(String column) {
        switch (column) {
            case "customer (own)":
                return Actor.customer(OWNER);
            case "system":
                return Actor.system("nightly-job");
            case "anonymous":
                return Actor.anonymous();
            default:
                return Actor.staff(STAFF, Set.of(Role.valueOf(column)));
        }
    }
}
