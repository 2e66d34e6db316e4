package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.VerificationPurpose;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.customer.port.in.UpdateContactDetailsCommand;
import org.crmkit.core.customer.port.out.ContactVerificationNotifier;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.port.in.ChangeLeadStageCommand;
import org.crmkit.core.lead.port.in.CreateLeadCommand;
import org.crmkit.core.lead.port.in.LeadCommand;
import org.crmkit.core.lead.port.in.LeadConversionView;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.port.in.AcceptInvitationCommand;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.SignedUpCustomer;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.testing.CrmTestAccess;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Security finding 1 of issue 18 (account pre-hijack), performed against the adapter under test: contact details a
 * visitor or a customer sets themself attach to nothing until the owner of the address proves it with the token
 * delivered there. Each test performs the attack that worked before (a sign-up, or a change of one's own email or
 * phone, with someone else's address, then a manager converts that person's lead) and checks that the attacker gets
 * nothing; then the owner's own path works: sign-up, confirmation, invitation, a login that follows the email.
 */
public abstract class ContactOwnershipContract extends PortContract {
    private static final AccessContext WEB = new AccessContext("198.51.100.7", "Mozilla/5.0 (Attacker)");
    private static final String JANE = "jane.doe@corp.example";
    private static final String JANES_PHONE = "+41 44 668 18 00";
    private static final String PASSWORD = "mallory's long passphrase";

    private final List<ContactVerificationNotifier.Message> outbox = new CopyOnWriteArrayList<>();
    private MutableClock clock;
    private Crm crm;
    private Actor manager;

    @BeforeEach
    void setUp() {
        outbox.clear();
        clock = MutableClock.at("2026-06-01T09:00:00Z");
        crm = Crm.builder().clock(clock).persistence(persistence).contactVerificationNotifier(outbox::add)
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000)).build();
        manager = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_MANAGER);
    }

    /** Mallory, a real customer with a verified email of her own. */
    private SignedUpCustomer mallory() {
        crm.accounts().requestSignUp("mallory@evil.example", WEB);
        return crm.accounts().signUpCustomer(CustomerSignUpCommand.builder().token(tokenTo("mallory@evil.example"))
                .firstName("Mallory").lastName("Attacker").email("mallory@evil.example").password(PASSWORD)
                .build(), WEB);
    }

    private String tokenTo(String address) {
        return outbox.stream().filter(m -> m.address().equals(address) && !m.alreadyRegistered())
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("nothing was sent to " + address))
                .token();
    }

    private LeadConversionView convertJanesLead(String phone) {
        LeadView lead = crm.leads().create(manager, new CreateLeadCommand("Jane", "Doe", "Corp", JANE, phone,
                LeadSource.WEB_FORM, null, "asked for a quote", null));
        crm.leads().changeStage(manager, new ChangeLeadStageCommand(lead.id(), LeadStage.CONTACTED, null, null));
        crm.leads().changeStage(manager, new ChangeLeadStageCommand(lead.id(), LeadStage.QUALIFIED, null, null));
        return crm.leads().convert(manager, new LeadCommand(lead.id(), null));
    }

    private long verificationRows() {
        return outbox.stream().filter(m -> !m.alreadyRegistered())
                .filter(m -> CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> CrmTestAccess
                        .persistence(crm).contactVerifications().findByHash(
                                org.crmkit.core.shared.internal.OneTimeTokens.hash(m.token())).isPresent()))
                .count();
    }

    @Test
    void aVisitorCannotSignUpWithAnEmailTheyDoNotReceiveSoJanesLeadBecomesHerOwnCustomer() {
        crm.accounts().requestSignUp(JANE, WEB);
        assertThat(outbox).singleElement().satisfies(m -> {
            assertThat(m.address()).as("the token goes to Jane's inbox, not to the visitor").isEqualTo(JANE);
            assertThat(m.purpose()).isEqualTo(VerificationPurpose.SIGN_UP);
        });
        // the visitor does not have the token; a guess is refused and writes nothing
        assertThatThrownBy(() -> crm.accounts().signUpCustomer(CustomerSignUpCommand.builder()
                .token("guessed-token-0000000000000000000000000000").firstName("Jane").lastName("Doe").email(JANE)
                .password(PASSWORD).build(), WEB))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("verification_token_invalid"));
        // nor may they register the address as a customer without an account
        assertThatThrownBy(() -> crm.customers().register(Actor.anonymous(),
                RegisterCustomerCommand.selfSignUp("Jane", "Doe", JANE, null, false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.accounts().authenticate(JANE, PASSWORD, WEB))
                .isInstanceOf(AuthenticationFailedException.class);

        LeadConversionView converted = convertJanesLead(null);

        assertThat(converted.linkedExisting()).as("no record held Jane's email before her lead converted").isFalse();
        CustomerView jane = crm.customers().findById(manager, converted.customerId()).orElseThrow();
        assertThat(jane.email()).isEqualTo(JANE);
    }

    @Test
    void aCustomersOwnNewEmailAttachesToNothingUntilTheOwnerConfirmsIt() {
        SignedUpCustomer mallory = mallory();
        CustomerView before = crm.customers().findById(mallory.actor(), mallory.customerId()).orElseThrow();

        CustomerView after = crm.customers().updateContactDetails(mallory.actor(),
                UpdateContactDetailsCommand.of(mallory.customerId(), before.version()).email(JANE).build());

        assertThat(after.email()).as("the new email waits for its owner").isEqualTo("mallory@evil.example");
        assertThat(outbox).last().satisfies(m -> {
            assertThat(m.address()).isEqualTo(JANE);
            assertThat(m.purpose()).isEqualTo(VerificationPurpose.EMAIL_CHANGE);
        });
        LeadConversionView converted = convertJanesLead(null);
        assertThat(converted.linkedExisting()).isFalse();
        assertThat(converted.customerId()).isNotEqualTo(mallory.customerId());
        assertThatThrownBy(() -> crm.customers().findById(mallory.actor(), converted.customerId()))
                .as("Mallory cannot reach Jane's record").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.accounts().authenticate(JANE, PASSWORD, WEB))
                .as("nor log in as Jane").isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aCustomersOwnNewPhoneAttachesToNothingUntilTheOwnerConfirmsIt() {
        SignedUpCustomer mallory = mallory();
        CustomerView before = crm.customers().findById(mallory.actor(), mallory.customerId()).orElseThrow();

        CustomerView after = crm.customers().updateContactDetails(mallory.actor(),
                UpdateContactDetailsCommand.of(mallory.customerId(), before.version()).phone(JANES_PHONE).build());

        assertThat(after.phone()).isNull();
        assertThat(outbox).last().satisfies(m -> {
            assertThat(m.address()).isEqualTo("+41446681800");
            assertThat(m.purpose()).isEqualTo(VerificationPurpose.PHONE_CHANGE);
        });
        LeadConversionView converted = convertJanesLead(JANES_PHONE);
        assertThat(converted.linkedExisting()).isFalse();
        assertThat(converted.customerId()).isNotEqualTo(mallory.customerId());
    }

    @Test
    void aPhoneGivenAtSignUpIsNotCheckedAgainstOthersSoTheAnswerSaysNothingAboutWhoHoldsIt() {
        CustomerView jane = crm.customers().register(manager, RegisterCustomerCommand.builder().firstName("Jane")
                .lastName("Doe").email(JANE).phone(JANES_PHONE).source(CustomerSource.OTHER).build());
        crm.accounts().requestSignUp("mallory@evil.example", WEB);

        SignedUpCustomer mallory = crm.accounts().signUpCustomer(CustomerSignUpCommand.builder()
                .token(tokenTo("mallory@evil.example")).firstName("Mallory").lastName("Attacker")
                .email("mallory@evil.example").phone(JANES_PHONE).password(PASSWORD).build(), WEB);

        assertThat(crm.customers().findById(mallory.actor(), mallory.customerId()).orElseThrow().phone()).isNull();
        // the token went to Jane's phone; had Mallory it, the phone would still be Jane's
        String token = tokenTo("+41446681800");
        assertThatThrownBy(() -> crm.customers().confirmContact(token))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("duplicate");
                    assertThat(e.existingId()).isEmpty();
                });
        assertThat(crm.customers().findById(manager, jane.id()).orElseThrow().phone()).isEqualTo("+41446681800");
    }

    @Test
    void aSignUpRequestAnswersAlikeForARegisteredEmailAndItsOwnerIsToldWithoutAToken() {
        crm.customers().register(manager, RegisterCustomerCommand.builder().firstName("Jane").lastName("Doe")
                .email(JANE).source(CustomerSource.OTHER).build());

        crm.accounts().requestSignUp(JANE, WEB);
        crm.accounts().requestSignUp("new.person@example.org", WEB);

        assertThat(outbox).extracting(ContactVerificationNotifier.Message::address, m -> m.alreadyRegistered())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(JANE, true),
                        org.assertj.core.groups.Tuple.tuple("new.person@example.org", false));
    }

    @Test
    void theOwnerConfirmsTheirNewEmailOnceAndTheirLoginFollowsIt() {
        SignedUpCustomer mallory = mallory();
        CustomerView before = crm.customers().findById(mallory.actor(), mallory.customerId()).orElseThrow();
        crm.customers().updateContactDetails(mallory.actor(),
                UpdateContactDetailsCommand.of(mallory.customerId(), before.version()).email("m.new@evil.example")
                        .build());
        String token = tokenTo("m.new@evil.example");

        crm.customers().confirmContact(token);

        assertThat(crm.customers().findById(mallory.actor(), mallory.customerId()).orElseThrow().email())
                .isEqualTo("m.new@evil.example");
        assertThat(crm.accounts().authenticate("m.new@evil.example", PASSWORD, WEB)).isEqualTo(mallory.actor());
        assertThatThrownBy(() -> crm.accounts().authenticate("mallory@evil.example", PASSWORD, WEB))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> crm.customers().confirmContact(token))
                .as("single use").isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("verification_token_invalid"));
    }

    @Test
    void aTokenExpiresAndANewerRequestReplacesTheOlder() {
        SignedUpCustomer mallory = mallory();
        long version = crm.customers().findById(mallory.actor(), mallory.customerId()).orElseThrow().version();
        CustomerView once = crm.customers().updateContactDetails(mallory.actor(),
                UpdateContactDetailsCommand.of(mallory.customerId(), version).email("first@evil.example").build());
        String first = tokenTo("first@evil.example");
        crm.customers().updateContactDetails(mallory.actor(),
                UpdateContactDetailsCommand.of(mallory.customerId(), once.version()).email("second@evil.example")
                        .build());
        String second = tokenTo("second@evil.example");

        assertThatThrownBy(() -> crm.customers().confirmContact(first))
                .as("replaced").isInstanceOf(BusinessRuleViolationException.class);
        clock.advance(Duration.ofHours(24));
        assertThatThrownBy(() -> crm.customers().confirmContact(second))
                .as("expired").isInstanceOf(BusinessRuleViolationException.class);
        assertThat(crm.customers().findById(mallory.actor(), mallory.customerId()).orElseThrow().email())
                .isEqualTo("mallory@evil.example");
    }

    @Test
    void staffInviteACustomerWhoSetsTheirPasswordWithTheTokenOnce() {
        CustomerView jane = crm.customers().register(manager, RegisterCustomerCommand.builder().firstName("Jane")
                .lastName("Doe").email(JANE).source(CustomerSource.OTHER).build());

        crm.accounts().inviteCustomer(manager, jane.id());
        String token = tokenTo(JANE);
        assertThat(outbox).last().satisfies(m -> {
            assertThat(m.purpose()).isEqualTo(VerificationPurpose.INVITATION);
            assertThat(m.customer()).isEqualTo(jane.id());
        });
        SignedUpCustomer accepted = crm.accounts().acceptInvitation(new AcceptInvitationCommand(token,
                "jane's own passphrase"), WEB);

        assertThat(accepted.customerId()).isEqualTo(jane.id());
        assertThat(crm.accounts().authenticate(JANE, "jane's own passphrase", WEB)).isEqualTo(Actor.customer(jane.id()));
        assertThatThrownBy(() -> crm.accounts().acceptInvitation(new AcceptInvitationCommand(token,
                "another passphrase 123"), WEB)).isInstanceOf(BusinessRuleViolationException.class);
        assertThatThrownBy(() -> crm.accounts().inviteCustomer(manager, jane.id()))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("customer_has_account"));
    }

    @Test
    void anInvitationSentToAnEmailStaffChangedSinceOpensNothing() {
        CustomerView jane = crm.customers().register(manager, RegisterCustomerCommand.builder().firstName("Jane")
                .lastName("Doe").email(JANE).source(CustomerSource.OTHER).build());
        crm.accounts().inviteCustomer(manager, jane.id());
        String token = tokenTo(JANE);
        crm.customers().updateContactDetails(manager, UpdateContactDetailsCommand.of(jane.id(), jane.version())
                .email("jane@home.example").build());

        assertThatThrownBy(() -> crm.accounts().acceptInvitation(new AcceptInvitationCommand(token,
                "jane's own passphrase"), WEB)).isInstanceOfSatisfying(BusinessRuleViolationException.class,
                e -> assertThat(e.code()).isEqualTo("verification_token_invalid"));
        assertThatThrownBy(() -> crm.accounts().authenticate(JANE, "jane's own passphrase", WEB))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aStaffChangeOfACustomersEmailMovesTheirLogin() {
        SignedUpCustomer mallory = mallory();
        CustomerView before = crm.customers().findById(manager, mallory.customerId()).orElseThrow();

        crm.customers().updateContactDetails(manager, UpdateContactDetailsCommand.of(mallory.customerId(),
                before.version()).email("mallory@work.example").build());

        assertThat(crm.accounts().authenticate("mallory@work.example", PASSWORD, WEB)).isEqualTo(mallory.actor());
    }

    @Test
    void anErasureRemovesTheCustomersVerifications() {
        SignedUpCustomer mallory = mallory();
        CustomerView before = crm.customers().findById(mallory.actor(), mallory.customerId()).orElseThrow();
        crm.customers().updateContactDetails(mallory.actor(),
                UpdateContactDetailsCommand.of(mallory.customerId(), before.version()).email("pending@evil.example")
                        .phone(JANES_PHONE).build());
        assertThat(verificationRows()).as("the sign-up's and the two changes'").isEqualTo(3);

        Actor admin = TestStaff.enrol(crm, StaffId.next(clock), Role.ADMIN);
        crm.customers().erase(admin, mallory.customerId());

        assertThat(verificationRows()).isZero();
    }
}
