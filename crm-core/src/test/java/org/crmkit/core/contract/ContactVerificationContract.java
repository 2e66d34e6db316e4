package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.crmkit.core.customer.ContactVerification;
import org.crmkit.core.customer.VerificationPurpose;
import org.crmkit.core.customer.port.out.ContactVerificationRepository;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.UuidV7;
import org.junit.jupiter.api.Test;

/** What every {@link ContactVerificationRepository} must do. Subclasses hand over an empty store before each test. */
public abstract class ContactVerificationContract extends PortContract {
    private static final Instant T0 = StaffFixtures.T0;
    private static final Instant USED_AT = T0.plusSeconds(300).plusNanos(42_000);

    private ContactVerificationRepository repo() {
        return persistence.contactVerifications();
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private void add(ContactVerification v) {
        persistence.unitOfWork().inTransaction(() -> repo().add(v));
    }

    private ContactVerification load(ContactVerification v) {
        return tx(() -> repo().findByHash(v.tokenHash())).orElseThrow();
    }

    private static ContactVerification of(VerificationPurpose purpose, CustomerId customer, String address) {
        return new ContactVerification(UuidV7.next(StaffFixtures.IDS), purpose, customer, address,
                StaffFixtures.sha256Hex(UUID.randomUUID().toString()), T0, T0.plusSeconds(86_400), null);
    }

    private static ContactVerification usedAt(ContactVerification v, Instant at) {
        return new ContactVerification(v.id(), v.purpose(), v.customer(), v.address(), v.tokenHash(), v.createdAt(),
                v.expiresAt(), at);
    }

    private CustomerId customer() {
        return StaffFixtures.storedCustomer(persistence).id();
    }

    @Test
    void findsEveryKindByItsHashWithEveryField() {
        CustomerId customer = customer();
        List<ContactVerification> all = List.of(
                of(VerificationPurpose.SIGN_UP, null, "zoë.new@example.org"),
                of(VerificationPurpose.INVITATION, customer, "known@example.org"),
                of(VerificationPurpose.EMAIL_CHANGE, customer, "changed@example.org"),
                of(VerificationPurpose.PHONE_CHANGE, customer, "+41791234567"));
        all.forEach(this::add);
        all.forEach(v -> assertThat(load(v)).isEqualTo(v));
        assertThat(tx(() -> repo().findByHash(StaffFixtures.sha256Hex("never issued")))).isEmpty();
        assertThat(tx(() -> repo().findByHash("not ascii: é"))).isEmpty();
    }

    @Test
    void aTakenHashIsAConflict() {
        ContactVerification first = of(VerificationPurpose.SIGN_UP, null, "a@example.org");
        add(first);
        ContactVerification twin = new ContactVerification(UuidV7.next(StaffFixtures.IDS),
                VerificationPurpose.SIGN_UP, null, "b@example.org", first.tokenHash(), T0, T0.plusSeconds(60), null);
        assertThatThrownBy(() -> add(twin)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("duplicate"));
        assertThat(load(first)).isEqualTo(first);
    }

    @Test
    void markUsedSucceedsOnceAndKeepsTheFirstTime() {
        ContactVerification v = of(VerificationPurpose.EMAIL_CHANGE, customer(), "new@example.org");
        add(v);
        assertThat(tx(() -> repo().markUsed(v.id(), USED_AT))).isTrue();
        assertThat(tx(() -> repo().markUsed(v.id(), USED_AT.plusSeconds(60)))).isFalse();
        assertThat(load(v)).isEqualTo(usedAt(v, USED_AT));
        assertThat(tx(() -> repo().markUsed(UUID.randomUUID(), USED_AT))).isFalse();
    }

    @Test
    void markAllUsedMarksOnlyTheOpenOnesOfThatCustomerAndPurpose() {
        CustomerId customer = customer();
        CustomerId other = customer();
        ContactVerification open1 = of(VerificationPurpose.EMAIL_CHANGE, customer, "one@example.org");
        ContactVerification open2 = of(VerificationPurpose.EMAIL_CHANGE, customer, "two@example.org");
        ContactVerification used = of(VerificationPurpose.EMAIL_CHANGE, customer, "old@example.org");
        ContactVerification phone = of(VerificationPurpose.PHONE_CHANGE, customer, "+41791234567");
        ContactVerification others = of(VerificationPurpose.EMAIL_CHANGE, other, "three@example.org");
        List.of(open1, open2, used, phone, others).forEach(this::add);
        assertThat(tx(() -> repo().markUsed(used.id(), USED_AT))).isTrue();

        Instant now = USED_AT.plusSeconds(60);
        assertThat(tx(() -> repo().markAllUsed(customer, VerificationPurpose.EMAIL_CHANGE, now))).isEqualTo(2);
        assertThat(load(open1)).isEqualTo(usedAt(open1, now));
        assertThat(load(open2)).isEqualTo(usedAt(open2, now));
        assertThat(load(used)).isEqualTo(usedAt(used, USED_AT));
        assertThat(load(phone)).isEqualTo(phone);
        assertThat(load(others)).isEqualTo(others);
    }

    @Test
    void deleteAllOfRemovesTheCustomersAndTheSignUpsOfTheirAddressesOnly() {
        CustomerId customer = customer();
        CustomerId other = customer();
        ContactVerification invitation = of(VerificationPurpose.INVITATION, customer, "mine@example.org");
        ContactVerification phone = of(VerificationPurpose.PHONE_CHANGE, customer, "+41791234567");
        ContactVerification mySignUp = of(VerificationPurpose.SIGN_UP, null, "mine@example.org");
        ContactVerification strangersSignUp = of(VerificationPurpose.SIGN_UP, null, "stranger@example.org");
        ContactVerification others = of(VerificationPurpose.INVITATION, other, "mine@example.org");
        List.of(invitation, phone, mySignUp, strangersSignUp, others).forEach(this::add);

        assertThat(tx(() -> repo().deleteAllOf(customer, List.of("mine@example.org", "+41791234567"))))
                .isEqualTo(3);
        assertThat(tx(() -> repo().findByHash(invitation.tokenHash()))).isEmpty();
        assertThat(tx(() -> repo().findByHash(phone.tokenHash()))).isEmpty();
        assertThat(tx(() -> repo().findByHash(mySignUp.tokenHash()))).isEmpty();
        assertThat(load(strangersSignUp)).isEqualTo(strangersSignUp);
        assertThat(load(others)).as("another customer's invitation to the same address").isEqualTo(others);
        assertThat(tx(() -> repo().deleteAllOf(other, List.of()))).isEqualTo(1);
    }

    @Test
    void aRollbackUndoesMarkUsed() {
        ContactVerification v = of(VerificationPurpose.SIGN_UP, null, "roll@example.org");
        add(v);
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            assertThat(repo().markUsed(v.id(), USED_AT)).isTrue();
            throw new IllegalStateException("sign-up failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(load(v).usedAt()).isNull();
    }
}
