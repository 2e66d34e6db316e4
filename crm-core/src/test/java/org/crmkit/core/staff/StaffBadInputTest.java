package org.crmkit.core.staff;

import org.crmkit.core.testing.SignUps;

import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.staff.internal.store.DepartmentStore;
import org.crmkit.core.staff.internal.store.StaffStore;
import org.crmkit.core.customer.internal.store.CustomerStore;
import org.crmkit.core.internal.AreaPorts;
import org.crmkit.core.testing.CrmTestAccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.Crm;
import org.crmkit.core.audit.port.in.AuditQuery;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.customer.CustomerSnapshot;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.out.CustomerSearchCriteria;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.staff.AccessLogEntry;
import org.crmkit.core.staff.AccountSnapshot;
import org.crmkit.core.staff.DepartmentSnapshot;
import org.crmkit.core.staff.PasswordResetToken;
import org.crmkit.core.staff.StaffSnapshot;
import org.crmkit.core.staff.internal.domain.StaffUser;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.AccessLogQuery;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.ChangeDepartmentManagerCommand;
import org.crmkit.core.staff.port.in.ChangePasswordCommand;
import org.crmkit.core.staff.port.in.CreateDepartmentCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.DailyActivityQuery;
import org.crmkit.core.staff.port.in.DeactivateDepartmentCommand;
import org.crmkit.core.staff.port.in.DepartmentView;
import org.crmkit.core.staff.port.in.MoveStaffCommand;
import org.crmkit.core.staff.port.in.RenameDepartmentCommand;
import org.crmkit.core.staff.port.in.ResetPasswordCommand;
import org.crmkit.core.staff.port.in.StaffRoleCommand;
import org.crmkit.core.staff.port.in.StaffStatusCommand;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.in.UpdateStaffCommand;
import org.crmkit.core.staff.port.out.AccessLogCriteria;
import org.crmkit.core.staff.port.out.PasswordResetNotifier;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.staff.port.out.StaffSearchCriteria;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.crmkit.core.audit.AuditPermission;

/**
 * Bad input to the staff area (departments, staff users, accounts) and to the audit trail search: each call is
 * refused with the documented exception naming the field or the rule, and leaves staff, departments, accounts,
 * customers, reset tokens, the audit trail, the access log, the notifier and the event stream exactly as they were.
 * Two kinds of refusal write by design, and the tests say exactly what: a refusal by the access policy adds one
 * {@link AuditOutcome#DENIED} entry, and a failed login, password check or token use adds one access log entry (a
 * wrong password also counts on the account).
 */
class StaffBadInputTest {
    private static final String START = "2026-05-04T08:00:00Z";
    private static final AccessContext OFFICE = new AccessContext("192.0.2.10", "JUnit (StaffBadInputTest)");
    private static final String ADMIN_EMAIL = "ada@example.com";
    private static final String ADMIN_PASSWORD = "a long admin passphrase 1";
    private static final String ROB_EMAIL = "robert.representative@example.com";
    private static final String ROB_PASSWORD = "rob's passphrase for the sales floor";
    private static final String NEW_STAFF_EMAIL = "carla.candidate@example.com";
    private static final String NEW_CUSTOMER_EMAIL = "cornelia.customer@example.org";
    private static final String NEW_PASSWORD = "a brand new passphrase 42";
    private static final String BASE = "Tr0ub4dor&3-horse-battery-staple-";
    private static final StaffId UNKNOWN_STAFF = new StaffId(UUID.fromString("01890000-0000-7000-8000-0000000000aa"));
    private static final DepartmentId UNKNOWN_DEPARTMENT =
            new DepartmentId(UUID.fromString("01890000-0000-7000-8000-0000000000bb"));

    /** The calls that take a new password, and the field each names when refusing it. */
    enum PasswordEntry {
        CREATE_STAFF("initialPassword", NEW_STAFF_EMAIL),
        SIGN_UP("password", NEW_CUSTOMER_EMAIL),
        CHANGE("newPassword", ROB_EMAIL),
        RESET("newPassword", ROB_EMAIL);

        final String field;
        final String login;

        PasswordEntry(String field, String login) {
            this.field = field;
            this.login = login;
        }
    }

    private MutableClock clock;
    private RecordingPublisher publisher;
    private List<PasswordResetNotifier.Message> delivered;
    private Crm crm;
    private StaffView ada;
    private Actor admin;
    private DepartmentView sales;
    private DepartmentView support;
    private StaffView rob;
    private Actor robActor;
    private final List<CustomerId> customers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        clock = MutableClock.at(START);
        publisher = new RecordingPublisher();
        delivered = new ArrayList<>();
        crm = newCrm();
        ada = crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", ADMIN_EMAIL, ADMIN_PASSWORD));
        admin = crm.accounts().authenticate(ADMIN_EMAIL, ADMIN_PASSWORD, OFFICE);
        sales = crm.departments().create(admin, new CreateDepartmentCommand("Sales", null));
        support = crm.departments().create(admin, new CreateDepartmentCommand("Support", null));
        rob = crm.staff().create(admin, new CreateStaffCommand("Rob", "Rep", ROB_EMAIL, sales.id(),
                Set.of("SALES_REP"), ROB_PASSWORD));
        robActor = crm.accounts().authenticate(ROB_EMAIL, ROB_PASSWORD, OFFICE);
        clock.advance(Duration.ofMinutes(1));
        publisher.clear();
    }

    private Crm newCrm() {
        return Crm.builder().clock(clock).passwordHasher(Pbkdf2PasswordHasher.withIterations(1))
                .passwordResetNotifier(delivered::add).eventPublisher(publisher).build();
    }

    // ---- the password policy, at every call that sets a password --------------------------------------------------

    @ParameterizedTest
    @EnumSource(PasswordEntry.class)
    void aPasswordOf11CharactersIsRefusedNamingTheField(PasswordEntry entry) {
        refusedPassword(entry, passphrase(11));
        refusedPassword(entry, "😀".repeat(11));
    }

    @ParameterizedTest
    @EnumSource(PasswordEntry.class)
    void aPasswordOf129CharactersIsRefusedNamingTheField(PasswordEntry entry) {
        refusedPassword(entry, passphrase(129));
    }

    @ParameterizedTest
    @EnumSource(PasswordEntry.class)
    void aPasswordOfExactly12CharactersIsAccepted(PasswordEntry entry) {
        acceptedPassword(entry, passphrase(12));
    }

    @ParameterizedTest
    @EnumSource(PasswordEntry.class)
    void aPasswordOfExactly128CharactersIsAccepted(PasswordEntry entry) {
        acceptedPassword(entry, passphrase(128));
    }

    @Test
    void twelveEmojiAreTwelveCharactersAndAccepted() {
        acceptedPassword(PasswordEntry.CHANGE, "😀🙂🚀🌍🎉🔑😀🙂🚀🌍🎉🔑");
    }

    @ParameterizedTest
    @EnumSource(PasswordEntry.class)
    void thePasswordMayNotBeTheLoginEmailOrItsLocalPartInAnyCase(PasswordEntry entry) {
        String email = entry.login;
        String localPart = email.substring(0, email.indexOf('@'));
        refusedPassword(entry, email);
        refusedPassword(entry, email.toUpperCase(Locale.ROOT));
        refusedPassword(entry, localPart);
        refusedPassword(entry, "  " + localPart.toUpperCase(Locale.ROOT) + " ");
        refusedPassword(entry, "my login is " + email);
    }

    @ParameterizedTest
    @EnumSource(PasswordEntry.class)
    void aCommonPasswordFromTheShippedListIsRefusedInAnyCase(PasswordEntry entry) {
        for (String common : List.of("password1234", "qwertyuiop123", "PassWord1234", "QWERTYUIOP123",
                " password1234 ")) {
            FieldError e = refusedPassword(entry, common);
            assertThat(e.message()).as(common).contains("too common");
        }
    }

    @Test
    void theFirstAdministratorsPasswordIsCheckedToo() {
        crm = newCrm();
        for (String weak : List.of(passphrase(11), "password1234", "Ada@Example.com", passphrase(129))) {
            InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> crm.staff()
                    .bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", ADMIN_EMAIL, weak)));
            assertThat(e.fields()).containsExactly("password");
            assertThat(e.code()).isEqualTo("invalid_command");
        }
        assertThat(store().staff()).as("no administrator was created").isEmpty();
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", ADMIN_EMAIL, passphrase(12)));
        assertThat(crm.accounts().authenticate(ADMIN_EMAIL, passphrase(12), OFFICE)).isInstanceOf(Actor.Staff.class);
    }

    // ---- roles ---------------------------------------------------------------------------------------------------

    @Test
    void anUnknownRoleNameInCreateIsRefusedNamingRoles() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> crm.staff()
                .create(admin, newStaff(Set.of("SALES_REP", "SUPERUSER"))));
        assertThat(e.code()).isEqualTo("invalid_command");
        assertThat(e.fields()).containsExactly("roles");
        assertThat(e.errors()).hasSize(1);
    }

    /** Guards a fixed bug, where the validator names the set element {@code roles[].<iterable element>}, which is no field. */
    @Test
    void aBlankOrNullRoleNameInCreateIsRefusedNamingRoles() {
        InvalidCommandException blank = refusedWithoutEffect(InvalidCommandException.class, () -> crm.staff()
                .create(admin, newStaff(Set.of("SALES_REP", " "))));
        assertThat(blank.fields()).as("like an unknown role name").containsExactly("roles");
        Set<String> withNull = new HashSet<>(Arrays.asList("SALES_REP", null));
        InvalidCommandException nullRole = refusedWithoutEffect(InvalidCommandException.class, () -> crm.staff()
                .create(admin, newStaff(withNull)));
        assertThat(nullRole.fields()).as("like an unknown role name").containsExactly("roles");
    }

    @Test
    void aCreateWithoutARoleSetIsRefusedNamingRoles() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> crm.staff()
                .create(admin, newStaff(null)));
        assertThat(e.fields()).containsExactly("roles");
    }

    /**
     * Guards a fixed bug, where a create was checked in rounds: the constraints (the blank last name) first, the email
     * and the roles only once they passed, and the password policy only after those.
     */
    @Test
    void everyBadFieldOfACreateIsListedAtOnce() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> crm.staff()
                .create(admin, new CreateStaffCommand("Carla", " ", "not-an-email", null, Set.of("SUPERUSER"),
                        "password1234")));
        assertThat(e.fields()).containsExactly("initialPassword", "lastName", "roles", "workEmail");
        InvalidCommandException values = refusedWithoutEffect(InvalidCommandException.class, () -> crm.staff()
                .create(admin, new CreateStaffCommand("Carla", "Candidate", "not-an-email", null,
                        Set.of("SUPERUSER"), null)));
        assertThat(values.fields()).as("value errors gathered with the role errors, under the command's names")
                .containsExactly("roles", "workEmail");
    }

    /** Guards a fixed bug, where the first administrator's email and password were checked after the constraints. */
    @Test
    void everyBadFieldOfABootstrapIsListedAtOnce() {
        crm = newCrm();
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> crm.staff()
                .bootstrapAdmin(new BootstrapAdminCommand(" ", "Admin", "not-an-email", "password1234")));
        assertThat(e.fields()).containsExactly("firstName", "password", "workEmail");
        assertThat(store().staff()).as("no administrator was created").isEmpty();
    }

    /** Guards a fixed bug, where an unknown role was named only once the command's constraints passed. */
    @Test
    void anUnknownRoleAndANegativeVersionAreNamedTogether() {
        InvalidCommandException grant = refusedWithoutEffect(InvalidCommandException.class, () -> crm.staff()
                .grantRole(admin, new StaffRoleCommand(rob.id(), "SUPERUSER", -1L)));
        assertThat(grant.fields()).containsExactly("expectedVersion", "role");
        InvalidCommandException revoke = refusedWithoutEffect(InvalidCommandException.class, () -> crm.staff()
                .revokeRole(admin, new StaffRoleCommand(rob.id(), "SUPERUSER", -1L)));
        assertThat(revoke.fields()).containsExactly("expectedVersion", "role");
    }

    /** Guards a fixed bug, where a department's name rules were applied only once the constraints passed. */
    @Test
    void aBadDepartmentNameAndANegativeVersionAreNamedTogether() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> crm.departments()
                .rename(admin, new RenameDepartmentCommand(sales.id(), "Field\u0007Sales", -1L)));
        assertThat(e.fields()).containsExactly("expectedVersion", "name");
    }

    /**
     * Guards a fixed bug, where a sign-up was checked in rounds: the constraints, then the context, then the email,
     * then the password, and the name and phone only by the customer area once all of them passed.
     */
    @Test
    void everyBadFieldOfASignUpIsListedAtOnce() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> crm.accounts()
                .signUpCustomer(SignUps.command(crm, "Cornelia", "Cus\u0007tomer", "not-an-email",
                        "+41 (0)44 668 18 00", false, "password1234"), null));
        assertThat(e.fields()).containsExactly("context", "email", "lastName", "password", "phone");
        InvalidCommandException blank = refusedWithoutEffect(InvalidCommandException.class, () -> crm.accounts()
                .signUpCustomer(SignUps.command(crm, " ", "Customer", "not-an-email", null, false,
                        NEW_PASSWORD), OFFICE));
        assertThat(blank.fields()).as("a constraint and a value together").containsExactly("email", "firstName");
    }

    /** Guards a fixed bug, where a password change or reset without a context was refused in a second round. */
    @Test
    void aMissingContextIsNamedWithTheCommandsBadFields() {
        InvalidCommandException change = refusedWithoutEffect(InvalidCommandException.class, () -> crm.accounts()
                .changePassword(robActor, new ChangePasswordCommand(ROB_PASSWORD, "p".repeat(513)), null));
        assertThat(change.fields()).containsExactly("context", "newPassword");
        InvalidCommandException reset = refusedWithoutEffect(InvalidCommandException.class, () -> crm.accounts()
                .resetPassword(new ResetPasswordCommand(" ", NEW_PASSWORD), null));
        assertThat(reset.fields()).containsExactly("context", "token");
    }

    @Test
    void anUnknownRoleNameInGrantOrRevokeIsRefusedNamingRole() {
        InvalidCommandException grant = refusedWithoutEffect(InvalidCommandException.class, () -> crm.staff()
                .grantRole(admin, new StaffRoleCommand(rob.id(), "SUPERUSER", null)));
        assertThat(grant.code()).isEqualTo("invalid_command");
        assertThat(grant.fields()).containsExactly("role");
        InvalidCommandException revoke = refusedWithoutEffect(InvalidCommandException.class, () -> crm.staff()
                .revokeRole(admin, new StaffRoleCommand(rob.id(), "SUPERUSER", null)));
        assertThat(revoke.fields()).containsExactly("role");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "   "})
    void aBlankRoleNameInGrantIsRefusedNamingRole(String role) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> crm.staff()
                .grantRole(admin, new StaffRoleCommand(rob.id(), role, null)));
        assertThat(e.fields()).containsExactly("role");
    }

    @Test
    void aNullRoleNameInGrantIsRefusedNamingRole() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> crm.staff()
                .grantRole(admin, new StaffRoleCommand(rob.id(), null, null)));
        assertThat(e.fields()).containsExactly("role");
    }

    // ---- staff work emails ---------------------------------------------------------------------------------------

    @Test
    void aTakenWorkEmailInAnotherCaseIsAConflictNamingTheHolder() {
        StaffView ann = crm.staff().create(admin, new CreateStaffCommand("Ann", "Agent", "ann@example.com", null,
                Set.of(), null));
        ConflictException e = refusedWithoutEffect(ConflictException.class, () -> crm.staff().create(admin,
                new CreateStaffCommand("Annie", "Other", " Ann@Example.com ", null, Set.of(), null)));
        assertThat(e.code()).isEqualTo("duplicate");
        assertThat(e.field()).isEqualTo("workEmail");
        assertThat(e.existingId()).contains(ann.id().toString());
        ConflictException update = refusedWithoutEffect(ConflictException.class, () -> crm.staff().update(admin,
                new UpdateStaffCommand(rob.id(), "Rob", "Rep", "ANN@example.COM", rob.version())));
        assertThat(update.field()).isEqualTo("workEmail");
        assertThat(update.existingId()).contains(ann.id().toString());
    }

    @Test
    void aWorkEmailThatIsACustomersLoginIsAConflictThatHidesTheCustomer() {
        Actor cleo = crm.accounts().signUpCustomer(SignUps.command(crm, "Cleo", "Client", "cleo@example.org",
                null, false, "cleo's own passphrase"), OFFICE).actor();
        customers.add(((Actor.Customer) cleo).id());
        ConflictException e = refusedWithoutEffect(ConflictException.class, () -> crm.staff().create(admin,
                new CreateStaffCommand("Cleo", "Staff", "CLEO@example.org", null, Set.of(), null)));
        assertThat(e.code()).isEqualTo("duplicate");
        assertThat(e.field()).isEqualTo("workEmail");
        assertThat(e.existingId()).isEmpty();
        assertThat(e.getMessage()).doesNotContain(cleo.reference());
        ConflictException update = refusedWithoutEffect(ConflictException.class, () -> crm.staff().update(admin,
                new UpdateStaffCommand(rob.id(), "Rob", "Rep", "cleo@example.org", null)));
        assertThat(update.field()).isEqualTo("workEmail");
        assertThat(update.existingId()).isEmpty();
    }

    @Test
    void aSignUpWithAStaffLoginIsAConflictThatHidesTheStaffUser() {
        ConflictException e = refusedWithoutEffect(ConflictException.class, () -> crm.accounts().signUpCustomer(
                SignUps.command(crm, "Rob", "Rep", " Robert.Representative@example.com", null, false,
                        NEW_PASSWORD), OFFICE));
        assertThat(e.code()).isEqualTo("duplicate");
        assertThat(e.field()).isEqualTo("email");
        assertThat(e.existingId()).isEmpty();
        assertThat(e.getMessage()).doesNotContain(rob.id().toString());
    }

    @Test
    void aWorkEmailOfACustomerWithoutAnAccountIsNoConflict() {
        Actor system = Actor.system("bad-input-test");
        customers.add(crm.customers().register(system, Registrations.any("walk.in@example.org")).id());
        StaffView created = crm.staff().create(admin, new CreateStaffCommand("Walter", "Staff", "walk.in@example.org",
                null, Set.of(), null));
        assertThat(created.workEmail()).isEqualTo("walk.in@example.org");
    }

    // ---- departments ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aBlankDepartmentNameIsRefusedNamingName(String name) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> crm.departments().create(admin, new CreateDepartmentCommand(name, null)));
        assertThat(e.fields()).containsExactly("name");
        InvalidCommandException rename = refusedWithoutEffect(InvalidCommandException.class,
                () -> crm.departments().rename(admin, new RenameDepartmentCommand(sales.id(), name, null)));
        assertThat(rename.fields()).containsExactly("name");
    }

    @Test
    void aDepartmentNameOver100CharactersIsRefusedNamingName() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> crm.departments().create(admin, new CreateDepartmentCommand("D".repeat(101), null)));
        assertThat(e.fields()).containsExactly("name");
        InvalidCommandException rename = refusedWithoutEffect(InvalidCommandException.class,
                () -> crm.departments().rename(admin, new RenameDepartmentCommand(sales.id(), "D".repeat(101), null)));
        assertThat(rename.fields()).containsExactly("name");
        InvalidCommandException huge = refusedWithoutEffect(InvalidCommandException.class,
                () -> crm.departments().create(admin, new CreateDepartmentCommand("D".repeat(201), null)));
        assertThat(huge.fields()).containsExactly("name");
        DepartmentView hundred = crm.departments().create(admin, new CreateDepartmentCommand(
                "  " + "D".repeat(100) + " ", null));
        assertThat(hundred.name()).as("100 characters, trimmed, are accepted").isEqualTo("D".repeat(100));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Sales\u0000Team", "Sales\nTeam", "Sales\u007fTeam", "Sales\u0085Team"})
    void aDepartmentNameWithAControlCharacterIsRefusedNamingName(String name) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> crm.departments().create(admin, new CreateDepartmentCommand(name, null)));
        assertThat(e.fields()).containsExactly("name");
        InvalidCommandException rename = refusedWithoutEffect(InvalidCommandException.class,
                () -> crm.departments().rename(admin, new RenameDepartmentCommand(support.id(), name, null)));
        assertThat(rename.fields()).containsExactly("name");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"SALES", "sales", " Sales ", "Sälés", "SÁLES"})
    void aTakenDepartmentNameIgnoringCaseAndAccentsIsAConflictNamingName(String name) {
        ConflictException e = refusedWithoutEffect(ConflictException.class,
                () -> crm.departments().create(admin, new CreateDepartmentCommand(name, null)));
        assertThat(e.code()).isEqualTo("duplicate");
        assertThat(e.field()).isEqualTo("name");
        ConflictException rename = refusedWithoutEffect(ConflictException.class,
                () -> crm.departments().rename(admin, new RenameDepartmentCommand(support.id(), name, null)));
        assertThat(rename.code()).isEqualTo("duplicate");
        assertThat(rename.field()).isEqualTo("name");
    }

    @Test
    void aDepartmentWithActiveMembersCannotBeDeactivatedUntilTheyMove() {
        BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> crm.departments().deactivate(admin, new DeactivateDepartmentCommand(sales.id(), null)));
        assertThat(e.code()).isEqualTo("department_has_members");
        StaffView moved = crm.staff().moveToDepartment(admin, new MoveStaffCommand(rob.id(), support.id(), null));
        assertThat(moved.department()).isEqualTo(support.id());
        DepartmentView deactivated = crm.departments().deactivate(admin,
                new DeactivateDepartmentCommand(sales.id(), null));
        assertThat(deactivated.active()).isFalse();
    }

    @Test
    void anInactiveMemberDoesNotKeepADepartmentActive() {
        crm.staff().deactivate(admin, new StaffStatusCommand(rob.id(), null));
        assertThat(crm.departments().deactivate(admin, new DeactivateDepartmentCommand(sales.id(), null)).active())
                .isFalse();
    }

    @Test
    void nobodyMovesToCreatedInOrChangesAnInactiveDepartment() {
        DepartmentView closed = crm.departments().create(admin, new CreateDepartmentCommand("Closed", null));
        crm.departments().deactivate(admin, new DeactivateDepartmentCommand(closed.id(), null));
        List<ThrowingCallable> calls = List.of(
                () -> crm.staff().moveToDepartment(admin, new MoveStaffCommand(rob.id(), closed.id(), null)),
                () -> crm.staff().create(admin, new CreateStaffCommand("Carla", "Candidate", NEW_STAFF_EMAIL,
                        closed.id(), Set.of(), null)),
                () -> crm.departments().rename(admin, new RenameDepartmentCommand(closed.id(), "Reopened", null)),
                () -> crm.departments().changeManager(admin,
                        new ChangeDepartmentManagerCommand(closed.id(), rob.id(), null)),
                () -> crm.departments().deactivate(admin, new DeactivateDepartmentCommand(closed.id(), null)));
        for (ThrowingCallable call : calls) {
            assertThat(refusedWithoutEffect(BusinessRuleViolationException.class, call).code())
                    .isEqualTo("department_inactive");
        }
    }

    @Test
    void anUnknownDepartmentIsNotFound() {
        List<ThrowingCallable> calls = List.of(
                () -> crm.staff().moveToDepartment(admin, new MoveStaffCommand(rob.id(), UNKNOWN_DEPARTMENT, null)),
                () -> crm.staff().create(admin, new CreateStaffCommand("Carla", "Candidate", NEW_STAFF_EMAIL,
                        UNKNOWN_DEPARTMENT, Set.of(), null)),
                () -> crm.departments().rename(admin, new RenameDepartmentCommand(UNKNOWN_DEPARTMENT, "X", null)),
                () -> crm.departments().deactivate(admin, new DeactivateDepartmentCommand(UNKNOWN_DEPARTMENT, null)));
        for (ThrowingCallable call : calls) {
            NotFoundException e = refusedWithoutEffect(NotFoundException.class, call);
            assertThat(e.code()).isEqualTo("not_found");
            assertThat(e.type()).isEqualTo("department");
            assertThat(e.id()).isEqualTo(UNKNOWN_DEPARTMENT.toString());
        }
    }

    @Test
    void anInactiveManagerBreaksARule() {
        StaffView gone = crm.staff().create(admin, new CreateStaffCommand("Gone", "Manager", "gone@example.com",
                null, Set.of("SALES_MANAGER"), null));
        crm.staff().deactivate(admin, new StaffStatusCommand(gone.id(), null));
        BusinessRuleViolationException create = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> crm.departments().create(admin, new CreateDepartmentCommand("Field Sales", gone.id())));
        assertThat(create.code()).isEqualTo("staff_inactive");
        BusinessRuleViolationException change = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> crm.departments().changeManager(admin,
                        new ChangeDepartmentManagerCommand(sales.id(), gone.id(), null)));
        assertThat(change.code()).isEqualTo("staff_inactive");
    }

    @Test
    void anUnknownManagerIsNotFound() {
        NotFoundException create = refusedWithoutEffect(NotFoundException.class,
                () -> crm.departments().create(admin, new CreateDepartmentCommand("Field Sales", UNKNOWN_STAFF)));
        assertThat(create.type()).isEqualTo("staff");
        assertThat(create.id()).isEqualTo(UNKNOWN_STAFF.toString());
        NotFoundException change = refusedWithoutEffect(NotFoundException.class,
                () -> crm.departments().changeManager(admin,
                        new ChangeDepartmentManagerCommand(sales.id(), UNKNOWN_STAFF, null)));
        assertThat(change.type()).isEqualTo("staff");
    }

    // ---- staff users ---------------------------------------------------------------------------------------------

    @Test
    void aSecondBootstrapIsRefusedWhileAnAdministratorExists() {
        for (String email : List.of("eve@example.com", ADMIN_EMAIL)) {
            BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class,
                    () -> crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Eve", "Intruder", email,
                            "eve's very own passphrase")));
            assertThat(e.code()).isEqualTo("admin_exists");
        }
    }

    @Test
    void theLastActiveAdministratorKeepsTheRoleAndStaysActive() {
        BusinessRuleViolationException revoke = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> crm.staff().revokeRole(admin, new StaffRoleCommand(ada.id(), "admin", null)));
        assertThat(revoke.code()).isEqualTo("last_admin");
        BusinessRuleViolationException deactivate = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> crm.staff().deactivate(admin, new StaffStatusCommand(ada.id(), null)));
        assertThat(deactivate.code()).isEqualTo("last_admin");
    }

    @Test
    void anInactiveSecondAdministratorDoesNotCountAndAnActiveOneDoes() {
        StaffView bea = crm.staff().create(admin, new CreateStaffCommand("Bea", "Backup", "bea@example.com", null,
                Set.of("ADMIN"), null));
        crm.staff().deactivate(admin, new StaffStatusCommand(bea.id(), null));
        assertThat(refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> crm.staff().deactivate(admin, new StaffStatusCommand(ada.id(), null))).code())
                .isEqualTo("last_admin");
        crm.staff().reactivate(admin, new StaffStatusCommand(bea.id(), null));
        StaffView revoked = crm.staff().revokeRole(admin, new StaffRoleCommand(ada.id(), "ADMIN", null));
        assertThat(revoked.roles()).doesNotContain(Role.ADMIN);
    }

    @Test
    void aStaleExpectedVersionIsAConflictOnTheVersion() {
        StaffView granted = crm.staff().grantRole(admin, new StaffRoleCommand(rob.id(), "SUPPORT_AGENT", null));
        assertThat(granted.version()).isGreaterThan(rob.version());
        List<ThrowingCallable> calls = List.of(
                () -> crm.staff().update(admin, new UpdateStaffCommand(rob.id(), "Robert", "Rep", ROB_EMAIL,
                        rob.version())),
                () -> crm.staff().grantRole(admin, new StaffRoleCommand(rob.id(), "CRM_MANAGER", rob.version())),
                () -> crm.staff().moveToDepartment(admin, new MoveStaffCommand(rob.id(), support.id(), rob.version())),
                () -> crm.staff().deactivate(admin, new StaffStatusCommand(rob.id(), rob.version())),
                () -> crm.departments().rename(admin, new RenameDepartmentCommand(sales.id(), "Field Sales",
                        sales.version() + 1)));
        for (ThrowingCallable call : calls) {
            ConflictException e = refusedWithoutEffect(ConflictException.class, call);
            assertThat(e.code()).isEqualTo("stale_version");
            assertThat(e.field()).isEqualTo("version");
        }
    }

    @Test
    void aNegativeExpectedVersionIsRefusedNamingIt() {
        List<ThrowingCallable> calls = List.of(
                () -> crm.staff().update(admin, new UpdateStaffCommand(rob.id(), "Robert", "Rep", ROB_EMAIL, -1L)),
                () -> crm.staff().grantRole(admin, new StaffRoleCommand(rob.id(), "CRM_MANAGER", -1L)),
                () -> crm.staff().moveToDepartment(admin, new MoveStaffCommand(rob.id(), support.id(), -1L)),
                () -> crm.staff().deactivate(admin, new StaffStatusCommand(rob.id(), -1L)),
                () -> crm.departments().rename(admin, new RenameDepartmentCommand(sales.id(), "Field Sales", -1L)),
                () -> crm.departments().deactivate(admin, new DeactivateDepartmentCommand(support.id(), -1L)));
        for (ThrowingCallable call : calls) {
            assertThat(refusedWithoutEffect(InvalidCommandException.class, call).fields())
                    .containsExactly("expectedVersion");
        }
    }

    @Test
    void aNullActorIsRefusedNamingTheActor() {
        List<ThrowingCallable> calls = List.of(
                () -> crm.staff().create(null, newStaff(Set.of())),
                () -> crm.staff().grantRole(null, new StaffRoleCommand(rob.id(), "ADMIN", null)),
                () -> crm.staff().findById(null, rob.id()),
                () -> crm.departments().create(null, new CreateDepartmentCommand("Field Sales", null)),
                () -> crm.departments().list(null),
                () -> crm.accounts().changePassword(null, new ChangePasswordCommand(ROB_PASSWORD, NEW_PASSWORD),
                        OFFICE),
                () -> crm.accounts().logout(null, OFFICE),
                () -> crm.accounts().accessLog(null, new AccessLogQuery(null, null, null, null,
                        PageRequest.first(10))),
                () -> crm.audit().search(null, AuditQuery.all(10)));
        for (ThrowingCallable call : calls) {
            InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, call);
            assertThat(e.fields()).containsExactly("actor");
        }
    }

    @Test
    void aNullCommandIsRefusedNamingTheCommand() {
        List<ThrowingCallable> calls = List.of(
                () -> crm.staff().bootstrapAdmin(null),
                () -> crm.staff().create(admin, null),
                () -> crm.departments().create(admin, null),
                () -> crm.accounts().changePassword(robActor, null, OFFICE),
                () -> crm.accounts().resetPassword(null, OFFICE),
                () -> crm.accounts().signUpCustomer(null, OFFICE));
        for (ThrowingCallable call : calls) {
            assertThat(refusedWithoutEffect(InvalidCommandException.class, call).fields())
                    .containsExactly("command");
        }
    }

    @Test
    void anUnknownStaffUserIsNotFound() {
        NotFoundException e = refusedWithoutEffect(NotFoundException.class,
                () -> crm.staff().grantRole(admin, new StaffRoleCommand(UNKNOWN_STAFF, "SALES_REP", null)));
        assertThat(e.type()).isEqualTo("staff");
        assertThat(e.id()).isEqualTo(UNKNOWN_STAFF.toString());
    }

    @Test
    void anInactiveStaffUserCannotBeChangedOrDeactivatedAgain() {
        crm.staff().deactivate(admin, new StaffStatusCommand(rob.id(), null));
        List<ThrowingCallable> calls = List.of(
                () -> crm.staff().grantRole(admin, new StaffRoleCommand(rob.id(), "CRM_MANAGER", null)),
                () -> crm.staff().moveToDepartment(admin, new MoveStaffCommand(rob.id(), support.id(), null)),
                () -> crm.staff().update(admin, new UpdateStaffCommand(rob.id(), "Robert", "Rep", ROB_EMAIL, null)),
                () -> crm.staff().deactivate(admin, new StaffStatusCommand(rob.id(), null)));
        for (ThrowingCallable call : calls) {
            assertThat(refusedWithoutEffect(BusinessRuleViolationException.class, call).code())
                    .isEqualTo("staff_inactive");
        }
        assertThat(refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> crm.staff().reactivate(admin, new StaffStatusCommand(ada.id(), null))).code())
                .isEqualTo("staff_active");
    }

    // ---- deactivated users ---------------------------------------------------------------------------------------

    @Test
    void aDeactivatedStaffUsersActorIsRefusedAndOnlyTheRefusalIsAudited() {
        crm.staff().deactivate(admin, new StaffStatusCommand(rob.id(), null));
        List<ThrowingCallable> calls = List.of(
                () -> crm.departments().list(robActor),
                () -> crm.staff().findById(robActor, rob.id()),
                () -> crm.accounts().changePassword(robActor, new ChangePasswordCommand(ROB_PASSWORD, NEW_PASSWORD),
                        OFFICE),
                () -> crm.accounts().logout(robActor, OFFICE));
        for (ThrowingCallable call : calls) {
            AccessDeniedException e = deniedAndAuditedOnce(call);
            assertThat(e.code()).isEqualTo("access_denied");
            assertThat(e.actor()).isEqualTo(robActor);
        }
    }

    @Test
    void aDeactivatedStaffUserCannotLogInWithTheRightPassword() {
        crm.staff().deactivate(admin, new StaffStatusCommand(rob.id(), null));
        Effect effect = attempt(() -> crm.accounts().authenticate(ROB_EMAIL, ROB_PASSWORD, OFFICE));
        effect.failedWith(AuthenticationFailedException.class);
        effect.wroteOnlyAccessLog(AccessEvent.LOGIN, AccessOutcome.INACTIVE, holderOf(rob));
        effect.accountUnchanged(holderOf(rob));
        effect.publishedNothing();
    }

    @Test
    void aResetRequestForADeactivatedStaffUserIssuesNoToken() {
        crm.staff().deactivate(admin, new StaffStatusCommand(rob.id(), null));
        Effect effect = attempt(() -> crm.accounts().requestPasswordReset(ROB_EMAIL, OFFICE));
        assertThat(effect.thrown).isNull();
        effect.wroteOnlyAccessLog(AccessEvent.PASSWORD_RESET_REQUEST, AccessOutcome.INACTIVE, holderOf(rob));
        effect.accountUnchanged(holderOf(rob));
        effect.publishedNothing();
        assertThat(effect.delivered).isEmpty();
    }

    // ---- logins --------------------------------------------------------------------------------------------------

    @Test
    void anUnknownAMalformedEmailAndAWrongPasswordFailAlike() {
        Effect unknown = attempt(() -> crm.accounts().authenticate("nobody@example.com", ROB_PASSWORD, OFFICE));
        AuthenticationFailedException first = unknown.failedWith(AuthenticationFailedException.class);
        unknown.wroteOnlyAccessLog(AccessEvent.LOGIN, AccessOutcome.UNKNOWN_ACCOUNT, null);
        unknown.publishedNothing();

        Effect malformed = attempt(() -> crm.accounts().authenticate("robert.representative@", ROB_PASSWORD,
                OFFICE));
        AuthenticationFailedException second = malformed.failedWith(AuthenticationFailedException.class);
        malformed.wroteOnlyAccessLog(AccessEvent.LOGIN, AccessOutcome.UNKNOWN_ACCOUNT, null);
        malformed.publishedNothing();

        Effect wrong = attempt(() -> crm.accounts().authenticate(ROB_EMAIL, ROB_PASSWORD + "!", OFFICE));
        AuthenticationFailedException third = wrong.failedWith(AuthenticationFailedException.class);
        wrong.wroteOnlyAccessLog(AccessEvent.LOGIN, AccessOutcome.BAD_CREDENTIALS, holderOf(rob));
        wrong.publishedNothing();
        AccountSnapshot counted = wrong.account(holderOf(rob));
        assertThat(counted.failedAttempts()).isEqualTo(1);
        assertThat(counted.passwordHash()).isEqualTo(wrong.before.accounts().get(holderOf(rob)).passwordHash());

        for (AuthenticationFailedException e : List.of(first, second, third)) {
            assertThat(e.code()).isEqualTo("authentication_failed");
            assertThat(e.getMessage()).isEqualTo(first.getMessage()).doesNotContain(ROB_EMAIL);
        }
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilFifteenMinutesPass() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            clock.advance(Duration.ofSeconds(10));
            Effect wrong = attempt(() -> crm.accounts().authenticate(ROB_EMAIL, "not rob's password at all",
                    OFFICE));
            wrong.failedWith(AuthenticationFailedException.class);
            wrong.wroteOnlyAccessLog(AccessEvent.LOGIN, AccessOutcome.BAD_CREDENTIALS, holderOf(rob));
            AccountSnapshot account = wrong.account(holderOf(rob));
            assertThat(account.failedAttempts()).isEqualTo(attempt);
            assertThat(account.passwordHash()).isEqualTo(wrong.before.accounts().get(holderOf(rob)).passwordHash());
            if (attempt < 5) {
                assertThat(account.lockedUntil()).isNull();
                assertThat(wrong.events).isEmpty();
            } else {
                assertThat(account.lockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
                assertThat(wrong.events).singleElement().isInstanceOf(StaffEvents.AccountLocked.class);
            }
        }
        AuthenticationFailedException wrongOne = catchAuthFailure(ROB_EMAIL, "not rob's password at all");
        clock.advance(Duration.ofMinutes(14));
        Effect locked = attempt(() -> crm.accounts().authenticate(ROB_EMAIL, ROB_PASSWORD, OFFICE));
        AuthenticationFailedException refused = locked.failedWith(AuthenticationFailedException.class);
        assertThat(refused.getMessage()).isEqualTo(wrongOne.getMessage());
        locked.wroteOnlyAccessLog(AccessEvent.LOGIN, AccessOutcome.LOCKED, holderOf(rob));
        locked.accountUnchanged(holderOf(rob));
        locked.publishedNothing();

        clock.advance(Duration.ofMinutes(1));
        Actor back = crm.accounts().authenticate(ROB_EMAIL, ROB_PASSWORD, OFFICE);
        assertThat(((Actor.Staff) back).id()).isEqualTo(rob.id());
        assertThat(account(holderOf(rob)).failedAttempts()).isZero();
    }

    @Test
    void aPasswordResetEndsTheLock() {
        lockRob();
        String token = issueResetToken(ROB_EMAIL);
        crm.accounts().resetPassword(new ResetPasswordCommand(token, NEW_PASSWORD), OFFICE);
        assertThat(account(holderOf(rob)).lockedUntil()).isNull();
        Actor back = crm.accounts().authenticate(ROB_EMAIL, NEW_PASSWORD, OFFICE);
        assertThat(((Actor.Staff) back).id()).isEqualTo(rob.id());
        assertThat(catchAuthFailure(ROB_EMAIL, ROB_PASSWORD)).as("the old password is gone").isNotNull();
    }

    @Test
    void whateverAddressTheHostSawIsKeptAsGivenAndNeverRefusesTheCall() {
        AccessContext forwarded = new AccessContext("203.0.113.7, 10.0.0.1", "JUnit");
        Actor back = crm.accounts().authenticate(ROB_EMAIL, ROB_PASSWORD, forwarded);
        assertThat(((Actor.Staff) back).id()).isEqualTo(rob.id());
        crm.accounts().logout(robActor, new AccessContext("unknown", null));
        crm.accounts().requestPasswordReset(ROB_EMAIL, new AccessContext("\t 2001:db8::1 \u0007\n", null));
        crm.accounts().authenticate(ROB_EMAIL, ROB_PASSWORD, new AccessContext("proxy-ü".repeat(60), null));
        AreaPorts store = CrmTestAccess.persistence(crm);
        List<String> kept = store.unitOfWork().inTransaction(() -> store.accessLog().search(
                new org.crmkit.core.staff.port.out.AccessLogCriteria(null, null, null, null), 4)).stream()
                .map(e -> e.sourceAddress()).toList();
        assertThat(kept).containsExactly(("proxy-ü".repeat(60)).substring(0, 255), "2001:db8::1", "unknown",
                "203.0.113.7, 10.0.0.1");
    }

    @Test
    void aMissingContextIsRefusedNamingTheContext() {
        assertThat(refusedWithoutEffect(InvalidCommandException.class,
                () -> crm.accounts().authenticate(ROB_EMAIL, ROB_PASSWORD, null)).fields())
                .containsExactly("context");
    }

    // ---- password changes ----------------------------------------------------------------------------------------

    @Test
    void aWrongCurrentPasswordFailsCountsAndLeavesThePassword() {
        Effect effect = attempt(() -> crm.accounts().changePassword(robActor,
                new ChangePasswordCommand("not rob's password at all", NEW_PASSWORD), OFFICE));
        effect.failedWith(AuthenticationFailedException.class);
        effect.wroteOnlyAccessLog(AccessEvent.PASSWORD_CHANGE, AccessOutcome.BAD_CREDENTIALS, holderOf(rob));
        effect.publishedNothing();
        AccountSnapshot account = effect.account(holderOf(rob));
        assertThat(account.failedAttempts()).isEqualTo(1);
        assertThat(account.passwordHash()).isEqualTo(effect.before.accounts().get(holderOf(rob)).passwordHash());
        assertThat(catchAuthFailure(ROB_EMAIL, NEW_PASSWORD)).isNotNull();
        assertThat(crm.accounts().authenticate(ROB_EMAIL, ROB_PASSWORD, OFFICE)).isEqualTo(robSession());
    }

    @Test
    void aNewPasswordEqualToTheCurrentOneIsRefusedNamingNewPassword() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> crm.accounts()
                .changePassword(robActor, new ChangePasswordCommand(ROB_PASSWORD, ROB_PASSWORD), OFFICE));
        assertThat(e.fields()).containsExactly("newPassword");
    }

    /**
     * A wrong current password counts towards the lock, so the lock must hold for password changes too: otherwise
     * whoever holds a session guesses the current password without limit. Guards a fixed bug, where the change goes through.
     */
    @Test
    void aChangeOfPasswordIsRefusedWhileTheAccountIsLocked() {
        lockRob();
        Effect effect = attempt(() -> crm.accounts().changePassword(robActor,
                new ChangePasswordCommand(ROB_PASSWORD, NEW_PASSWORD), OFFICE));
        assertThat(effect.thrown)
                .as("the right current password must not pass while wrong ones have locked the account")
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(effect.account(holderOf(rob)).passwordHash())
                .isEqualTo(effect.before.accounts().get(holderOf(rob)).passwordHash());
    }

    // ---- reset tokens --------------------------------------------------------------------------------------------

    @Test
    void anExpiredResetTokenIsRefused() {
        String token = issueResetToken(ROB_EMAIL);
        clock.advance(Duration.ofMinutes(30));
        Effect effect = attempt(() -> crm.accounts().resetPassword(new ResetPasswordCommand(token, NEW_PASSWORD),
                OFFICE));
        assertThat(effect.failedWith(BusinessRuleViolationException.class).code()).isEqualTo("reset_token_invalid");
        effect.wroteOnlyAccessLog(AccessEvent.PASSWORD_RESET, AccessOutcome.INVALID_TOKEN, holderOf(rob));
        effect.accountUnchanged(holderOf(rob));
        effect.publishedNothing();
        assertThat(crm.accounts().authenticate(ROB_EMAIL, ROB_PASSWORD, OFFICE)).isEqualTo(robSession());
    }

    @Test
    void aResetTokenWorksUntilJustBeforeItExpires() {
        String token = issueResetToken(ROB_EMAIL);
        clock.advance(Duration.ofMinutes(30).minusNanos(1_000));
        crm.accounts().resetPassword(new ResetPasswordCommand(token, NEW_PASSWORD), OFFICE);
        assertThat(crm.accounts().authenticate(ROB_EMAIL, NEW_PASSWORD, OFFICE)).isEqualTo(robSession());
    }

    @Test
    void aUsedResetTokenIsRefused() {
        String token = issueResetToken(ROB_EMAIL);
        crm.accounts().resetPassword(new ResetPasswordCommand(token, NEW_PASSWORD), OFFICE);
        clock.advance(Duration.ofSeconds(5));
        Effect effect = attempt(() -> crm.accounts().resetPassword(
                new ResetPasswordCommand(token, "yet another new passphrase"), OFFICE));
        assertThat(effect.failedWith(BusinessRuleViolationException.class).code()).isEqualTo("reset_token_invalid");
        effect.wroteOnlyAccessLog(AccessEvent.PASSWORD_RESET, AccessOutcome.INVALID_TOKEN, holderOf(rob));
        effect.accountUnchanged(holderOf(rob));
        effect.publishedNothing();
        assertThat(crm.accounts().authenticate(ROB_EMAIL, NEW_PASSWORD, OFFICE)).isEqualTo(robSession());
    }

    @Test
    void anOlderTokenOfTheAccountIsUsedUpByAReset() {
        String older = issueResetToken(ROB_EMAIL);
        String newer = issueResetToken(ROB_EMAIL);
        crm.accounts().resetPassword(new ResetPasswordCommand(newer, NEW_PASSWORD), OFFICE);
        Effect effect = attempt(() -> crm.accounts().resetPassword(
                new ResetPasswordCommand(older, "yet another new passphrase"), OFFICE));
        assertThat(effect.failedWith(BusinessRuleViolationException.class).code()).isEqualTo("reset_token_invalid");
        effect.wroteOnlyAccessLog(AccessEvent.PASSWORD_RESET, AccessOutcome.INVALID_TOKEN, holderOf(rob));
    }

    @Test
    void aForgedResetTokenIsRefused() {
        issueResetToken(ROB_EMAIL);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String lookalike = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        assertThat(lookalike).hasSize(43);
        for (String forged : List.of("not-a-token", lookalike)) {
            Effect effect = attempt(() -> crm.accounts().resetPassword(
                    new ResetPasswordCommand(forged, NEW_PASSWORD), OFFICE));
            BusinessRuleViolationException e = effect.failedWith(BusinessRuleViolationException.class);
            assertThat(e.code()).isEqualTo("reset_token_invalid");
            effect.wroteOnlyAccessLog(AccessEvent.PASSWORD_RESET, AccessOutcome.INVALID_TOKEN, null);
            effect.publishedNothing();
        }
        InvalidCommandException blank = refusedWithoutEffect(InvalidCommandException.class, () -> crm.accounts()
                .resetPassword(new ResetPasswordCommand("  ", NEW_PASSWORD), OFFICE));
        assertThat(blank.fields()).containsExactly("token");
        InvalidCommandException tooLong = refusedWithoutEffect(InvalidCommandException.class, () -> crm.accounts()
                .resetPassword(new ResetPasswordCommand("a".repeat(129), NEW_PASSWORD), OFFICE));
        assertThat(tooLong.fields()).containsExactly("token");
    }

    @Test
    void aWeakNewPasswordLeavesTheResetTokenUsable() {
        String token = issueResetToken(ROB_EMAIL);
        for (String weak : List.of("short pass", "password1234", ROB_EMAIL, passphrase(129))) {
            InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> crm.accounts()
                    .resetPassword(new ResetPasswordCommand(token, weak), OFFICE));
            assertThat(e.fields()).containsExactly("newPassword");
        }
        assertThat(storedToken(token).usedAt()).isNull();
        crm.accounts().resetPassword(new ResetPasswordCommand(token, NEW_PASSWORD), OFFICE);
        assertThat(storedToken(token).usedAt()).isNotNull();
        assertThat(crm.accounts().authenticate(ROB_EMAIL, NEW_PASSWORD, OFFICE)).isEqualTo(robSession());
    }

    // ---- access log, daily activity and audit queries ------------------------------------------------------------

    @Test
    void anAccessLogQueryForAStaffUserAndACustomerAtOnceIsRefused() {
        CustomerId someone = new CustomerId(UUID.fromString("01890000-0000-7000-8000-0000000000cc"));
        InvalidValueException e = refusedWithoutEffect(InvalidValueException.class, () -> crm.accounts()
                .accessLog(admin, new AccessLogQuery(rob.id(), someone, null, null, PageRequest.first(10))));
        assertThat(e.code()).isEqualTo("invalid_value");
        assertThat(e.field()).isEqualTo("customerId");
    }

    @Test
    void anAccessLogQueryWithABadPageOrZoneIsRefused() {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> crm.accounts().accessLog(admin,
                new AccessLogQuery(null, null, null, null, PageRequest.first(0)))).fields())
                .containsExactly("page.size");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> crm.accounts().accessLog(admin,
                new AccessLogQuery(null, null, null, null, null))).fields()).containsExactly("page");
        assertThat(refusedWithoutEffect(InvalidValueException.class, () -> crm.accounts().accessLog(admin,
                new AccessLogQuery(null, null, LocalDate.of(2026, 5, 4), "Mars/Base", PageRequest.first(10))))
                .field()).isEqualTo("zone");
        assertThat(refusedWithoutEffect(InvalidValueException.class, () -> crm.accounts().accessLog(admin,
                new AccessLogQuery(null, null, null, null, new PageRequest(10, "not a cursor!")))).field())
                .isEqualTo("page.cursor");
    }

    /**
     * Guards a fixed bug, where a day the storage cannot compare (LocalDate.MAX, LocalDate.MIN) escaped from the access
     * log as java.time's DateTimeException instead of a refusal naming the day.
     */
    @Test
    void anAccessLogDayOutsideTheStorableYearsIsRefusedNamingDay() {
        for (LocalDate day : List.of(LocalDate.MAX, LocalDate.MIN, LocalDate.of(9999, 12, 31),
                LocalDate.of(999, 12, 31))) {
            for (String zone : Arrays.asList(null, "Pacific/Kiritimati", "Etc/GMT+12")) {
                InvalidValueException e = refusedWithoutEffect(InvalidValueException.class, () -> crm.accounts()
                        .accessLog(admin, new AccessLogQuery(null, null, day, zone, PageRequest.first(10))));
                assertThat(e.field()).as("%s in %s", day, zone).isEqualTo("day");
            }
        }
        assertThat(crm.accounts().accessLog(admin, new AccessLogQuery(null, null, LocalDate.of(1000, 1, 2),
                "Pacific/Kiritimati", PageRequest.first(10))).items()).isEmpty();
    }

    /** Guards a fixed bug, where daily activity from LocalDate.MIN or to LocalDate.MAX escaped as DateTimeException. */
    @Test
    void dailyActivityOutsideTheStorableYearsIsRefusedNamingTheDay() {
        assertThat(refusedWithoutEffect(InvalidValueException.class, () -> crm.accounts().dailyActivity(admin,
                new DailyActivityQuery(LocalDate.MIN, LocalDate.MIN.plusDays(3), null))).field()).isEqualTo("from");
        assertThat(refusedWithoutEffect(InvalidValueException.class, () -> crm.accounts().dailyActivity(admin,
                new DailyActivityQuery(LocalDate.MAX.minusDays(3), LocalDate.MAX, null))).field()).isEqualTo("from");
        assertThat(refusedWithoutEffect(InvalidValueException.class, () -> crm.accounts().dailyActivity(admin,
                new DailyActivityQuery(LocalDate.of(9999, 12, 29), LocalDate.of(9999, 12, 31), null))).field())
                .isEqualTo("to");
    }

    @Test
    void dailyActivityToBeforeFromIsRefusedNamingTo() {
        InvalidValueException e = refusedWithoutEffect(InvalidValueException.class, () -> crm.accounts()
                .dailyActivity(admin, new DailyActivityQuery(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 3),
                        null)));
        assertThat(e.field()).isEqualTo("to");
    }

    @Test
    void dailyActivityOverMoreThan366DaysIsRefusedAnd366AreAccepted() {
        LocalDate from = LocalDate.of(2025, 5, 4);
        InvalidValueException e = refusedWithoutEffect(InvalidValueException.class, () -> crm.accounts()
                .dailyActivity(admin, new DailyActivityQuery(from, from.plusDays(366), null)));
        assertThat(e.field()).isEqualTo("to");
        assertThat(crm.accounts().dailyActivity(admin, new DailyActivityQuery(from, from.plusDays(365), null)))
                .hasSize(366);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"Mars/Base", "UTC+25", "Europe/Nowhere"})
    void dailyActivityInAnUnknownZoneIsRefusedNamingZone(String zone) {
        InvalidValueException e = refusedWithoutEffect(InvalidValueException.class, () -> crm.accounts()
                .dailyActivity(admin, new DailyActivityQuery(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 4),
                        zone)));
        assertThat(e.field()).isEqualTo("zone");
    }

    @Test
    void dailyActivityWithoutDaysIsRefusedNamingBoth() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> crm.accounts()
                .dailyActivity(admin, new DailyActivityQuery(null, null, null)));
        assertThat(e.fields()).containsExactly("from", "to");
    }

    @Test
    void anAuditSearchWithFromNotBeforeBeforeIsRefusedNamingFrom() {
        Instant now = clock.instant();
        for (Instant before : List.of(now.minusSeconds(60), now)) {
            InvalidValueException e = refusedWithoutEffect(InvalidValueException.class, () -> crm.audit().search(
                    admin, new AuditQuery(null, null, null, null, null, now, before, PageRequest.first(10))));
            assertThat(e.field()).isEqualTo("from");
        }
    }

    // ---- access ----------------------------------------------------------------------------------------------------

    @Test
    void aSalesRepManagingStaffDepartmentsOrLogsIsDenied() {
        assertThat(deniedAndAuditedOnce(() -> crm.departments().create(robActor,
                new CreateDepartmentCommand("Rob's Corner", null))).permission())
                .isEqualTo(StaffPermission.DEPARTMENT_MANAGE);
        assertThat(deniedAndAuditedOnce(() -> crm.staff().grantRole(robActor,
                new StaffRoleCommand(rob.id(), "ADMIN", null))).permission()).isEqualTo(StaffPermission.STAFF_ROLES);
        assertThat(deniedAndAuditedOnce(() -> crm.accounts().accessLog(robActor,
                new AccessLogQuery(null, null, null, null, PageRequest.first(10)))).permission())
                .isEqualTo(StaffPermission.ACCESS_LOG_VIEW);
        assertThat(deniedAndAuditedOnce(() -> crm.audit().search(robActor, AuditQuery.all(10))).permission())
                .isEqualTo(AuditPermission.AUDIT_VIEW);
    }

    @Test
    void aSalesRepCreatingStaffIsDeniedBeforeTheRolesAreLookedAt() {
        AccessDeniedException e = deniedAndAuditedOnce(() -> crm.staff().create(robActor, newStaff(Set.of("ADMIN"))));
        assertThat(e.permission()).isEqualTo(StaffPermission.STAFF_MANAGE);
        assertThat(e.action()).isEqualTo("staff.create");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static String passphrase(int length) {
        return BASE.repeat(length / BASE.length() + 1).substring(0, length);
    }

    private CreateStaffCommand newStaff(Set<String> roles) {
        return new CreateStaffCommand("Carla", "Candidate", NEW_STAFF_EMAIL, null, roles, null);
    }

    /** The call of an entry with a password; a reset token is issued now, before the call is made. */
    private ThrowingCallable withPassword(PasswordEntry entry, String password) {
        switch (entry) {
            case CREATE_STAFF:
                return () -> crm.staff().create(admin, new CreateStaffCommand("Carla", "Candidate", NEW_STAFF_EMAIL,
                        null, Set.of(), password));
            case SIGN_UP:
                return () -> customers.add(crm.accounts().signUpCustomer(SignUps.command(crm,
                        "Cornelia", "Customer", NEW_CUSTOMER_EMAIL, null, false, password), OFFICE).customerId());
            case CHANGE:
                return () -> crm.accounts().changePassword(robActor, new ChangePasswordCommand(ROB_PASSWORD, password),
                        OFFICE);
            case RESET:
                String token = issueResetToken(ROB_EMAIL);
                return () -> crm.accounts().resetPassword(new ResetPasswordCommand(token, password), OFFICE);
            default:
                throw new IllegalArgumentException(entry.name());
        }
    }

    /** @return the one refusal of a password, named like every other bad field of the command */
    private FieldError refusedPassword(PasswordEntry entry, String password) {
        ThrowingCallable call = withPassword(entry, password);
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, call);
        assertThat(e.code()).isEqualTo("invalid_command");
        assertThat(e.fields()).as(entry + " names its field").containsExactly(entry.field);
        assertThat(e.getMessage()).as("the message does not repeat the password").doesNotContain(password.strip());
        return e.errors().get(0);
    }

    private void acceptedPassword(PasswordEntry entry, String password) {
        ThrowingCallable call = withPassword(entry, password);
        assertThat(catchThrowable(call)).as(entry + " accepts the password").isNull();
        Actor session = crm.accounts().authenticate(entry.login, password, OFFICE);
        switch (entry) {
            case CHANGE, RESET -> assertThat(session).as("logs in with it, as Rob").isEqualTo(robSession());
            case SIGN_UP -> assertThat(session).as("logs in with it, as the new customer")
                    .isInstanceOf(Actor.Customer.class);
            case CREATE_STAFF -> assertThat(session).as("logs in with it, as the new staff user")
                    .isInstanceOfSatisfying(Actor.Staff.class, s -> assertThat(s.id()).isNotEqualTo(rob.id()));
            default -> throw new AssertionError(entry);
        }
    }

    /** @return the actor a login of Rob's yields: Rob, a sales rep in Sales */
    private Actor robSession() {
        return new Actor.Staff(rob.id(), Set.of(Role.SALES_REP), sales.id());
    }

    private String issueResetToken(String email) {
        int before = delivered.size();
        crm.accounts().requestPasswordReset(email, OFFICE);
        assertThat(delivered).as("a token was delivered").hasSize(before + 1);
        return delivered.get(before).token();
    }

    private void lockRob() {
        for (int i = 0; i < 5; i++) {
            catchAuthFailure(ROB_EMAIL, "not rob's password at all");
        }
        assertThat(account(holderOf(rob)).lockedUntil()).as("locked").isNotNull();
    }

    private AuthenticationFailedException catchAuthFailure(String email, String password) {
        Throwable thrown = catchThrowable(() -> crm.accounts().authenticate(email, password, OFFICE));
        assertThat(thrown).isInstanceOf(AuthenticationFailedException.class);
        return (AuthenticationFailedException) thrown;
    }

    private static AccountHolder holderOf(StaffView staff) {
        return AccountHolder.of(staff.id());
    }

    private AccountSnapshot account(AccountHolder holder) {
        return store().accounts().get(holder);
    }

    private PasswordResetToken storedToken(String token) {
        return CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> CrmTestAccess.persistence(crm).resetTokens()
                .findByHash(sha256(token))).orElseThrow();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a call that must fail with {@code type} and checks that it wrote, delivered and published nothing. */
    private <T extends CrmException> T refusedWithoutEffect(Class<T> type, ThrowingCallable call) {
        Effect effect = attempt(call);
        T thrown = effect.failedWith(type);
        assertThat(effect.after).as("the store after a refused call").isEqualTo(effect.before);
        assertThat(effect.events).as("published events").isEmpty();
        assertThat(effect.delivered).as("delivered reset tokens").isEmpty();
        return thrown;
    }

    /** Runs a call the policy must refuse: exactly one DENIED audit entry more, and no other change. */
    private AccessDeniedException deniedAndAuditedOnce(ThrowingCallable call) {
        Effect effect = attempt(call);
        AccessDeniedException denied = effect.failedWith(AccessDeniedException.class);
        assertThat(effect.after.withoutAudit()).isEqualTo(effect.before.withoutAudit());
        assertThat(effect.after.audit()).hasSize(effect.before.audit().size() + 1);
        AuditEntry entry = effect.after.audit().get(0);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(entry.action()).isEqualTo(denied.action());
        assertThat(effect.after.audit().subList(1, effect.after.audit().size())).isEqualTo(effect.before.audit());
        assertThat(effect.events).isEmpty();
        assertThat(effect.delivered).isEmpty();
        return denied;
    }

    private Effect attempt(ThrowingCallable call) {
        Store before = store();
        int deliveredBefore = delivered.size();
        publisher.clear();
        Throwable thrown = catchThrowable(call);
        return new Effect(before, store(), thrown, publisher.events(),
                List.copyOf(delivered.subList(deliveredBefore, delivered.size())));
    }

    /** What a call did: the store before and after, what it threw, published and delivered. */
    private record Effect(Store before, Store after, Throwable thrown, List<DomainEvent> events,
                          List<PasswordResetNotifier.Message> delivered) {

        <T extends CrmException> T failedWith(Class<T> type) {
            assertThat(thrown).isInstanceOf(type);
            return type.cast(thrown);
        }

        AccountSnapshot account(AccountHolder holder) {
            return after.accounts().get(holder);
        }

        void publishedNothing() {
            assertThat(events).as("published events").isEmpty();
        }

        void accountUnchanged(AccountHolder holder) {
            assertThat(after.accounts().get(holder)).isEqualTo(before.accounts().get(holder));
        }

        /**
         * Checks that the call appended exactly one access log entry, as given, and changed nothing else but the
         * holder's account (which the caller checks).
         */
        void wroteOnlyAccessLog(AccessEvent event, AccessOutcome outcome, AccountHolder holder) {
            assertThat(after.accessLog()).hasSize(before.accessLog().size() + 1);
            AccessLogEntry entry = after.accessLog().get(0);
            assertThat(entry.event()).isEqualTo(event);
            assertThat(entry.outcome()).isEqualTo(outcome);
            assertThat(entry.holder()).isEqualTo(holder);
            assertThat(entry.sourceAddress()).isEqualTo(OFFICE.sourceAddress());
            assertThat(after.accessLog().subList(1, after.accessLog().size())).isEqualTo(before.accessLog());
            assertThat(after.staff()).isEqualTo(before.staff());
            assertThat(after.departments()).isEqualTo(before.departments());
            assertThat(after.customers()).isEqualTo(before.customers());
            assertThat(after.tokens()).isEqualTo(before.tokens());
            assertThat(after.audit()).as("audit trail").isEqualTo(before.audit());
            Map<AccountHolder, AccountSnapshot> others = new HashMap<>(after.accounts());
            Map<AccountHolder, AccountSnapshot> othersBefore = new HashMap<>(before.accounts());
            others.remove(holder);
            othersBefore.remove(holder);
            assertThat(others).as("other accounts").isEqualTo(othersBefore);
            assertThat(delivered).isEmpty();
        }
    }

    /** Everything the staff area and the audit trail keep, in a comparable form. */
    private record Store(List<StaffSnapshot> staff, List<DepartmentSnapshot> departments,
                         Map<AccountHolder, AccountSnapshot> accounts, List<CustomerSnapshot> customers,
                         List<PasswordResetToken> tokens, List<AuditEntry> audit, List<AccessLogEntry> accessLog) {
        Store withoutAudit() {
            return new Store(staff, departments, accounts, customers, tokens, List.of(), accessLog);
        }
    }

    private Store store() {
        AreaPorts p = CrmTestAccess.persistence(crm);
        return p.unitOfWork().inTransaction(() -> {
            List<StaffSnapshot> staff = new StaffStore(p.staff()).search(new StaffSearchCriteria(null, null, null, null),
                    Integer.MAX_VALUE).stream().map(StaffUser::snapshot).toList();
            List<CustomerSnapshot> customerRows = new CustomerStore(p.customers()).search(new CustomerSearchCriteria(null, null, null,
                    null, null, null, null, CustomerSort.REGISTERED_ASC, null), Integer.MAX_VALUE).stream()
                    .map(Customer::snapshot).toList();
            Map<AccountHolder, AccountSnapshot> accounts = new HashMap<>();
            for (StaffSnapshot s : staff) {
                new AccountStore(p.accounts()).findByHolder(AccountHolder.of(s.id()))
                        .ifPresent(a -> accounts.put(a.holder(), a.snapshot()));
            }
            for (CustomerSnapshot c : customerRows) {
                new AccountStore(p.accounts()).findByHolder(AccountHolder.of(c.id()))
                        .ifPresent(a -> accounts.put(a.holder(), a.snapshot()));
            }
            List<PasswordResetToken> tokens = new ArrayList<>();
            for (PasswordResetNotifier.Message m : delivered) {
                p.resetTokens().findByHash(sha256(m.token())).ifPresent(tokens::add);
            }
            return new Store(staff, new DepartmentStore(p.departments()).findAll().stream().map(d -> d.snapshot()).toList(), accounts,
                    customerRows, tokens,
                    p.auditLog().search(new AuditCriteria(null, null, null, null, null, null, null, null),
                            Integer.MAX_VALUE),
                    p.accessLog().search(new AccessLogCriteria(null, null, null, null), Integer.MAX_VALUE));
        });
    }
}
