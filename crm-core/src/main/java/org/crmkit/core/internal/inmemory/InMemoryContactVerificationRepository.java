package org.crmkit.core.internal.inmemory;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.customer.ContactVerification;
import org.crmkit.core.customer.VerificationPurpose;
import org.crmkit.core.customer.port.out.ContactVerificationRepository;
import org.crmkit.core.shared.CustomerId;

/** Contact verifications in memory, unique by token hash; "mark used" is conditional, as on MySQL. */
public final class InMemoryContactVerificationRepository implements ContactVerificationRepository {
    private final InMemoryTable<UUID, ContactVerification> table;

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemoryContactVerificationRepository(InMemoryUnitOfWork unitOfWork) {
        this.table = new InMemoryTable<UUID, ContactVerification>(unitOfWork, "contact_verification",
                ContactVerification::id, v -> 0, v -> v)
                .unique("tokenHash", ContactVerification::tokenHash);
    }

    @Override
    public void add(ContactVerification verification) {
        table.insert(verification);
    }

    @Override
    public Optional<ContactVerification> findByHash(String tokenHash) {
        return table.where(v -> v.tokenHash().equals(tokenHash)).stream().findFirst();
    }

    @Override
    public boolean markUsed(UUID id, Instant at) {
        return table.replaceIf(id, v -> v.usedAt() == null, v -> used(v, at));
    }

    @Override
    public int markAllUsed(CustomerId customer, VerificationPurpose purpose, Instant at) {
        int marked = 0;
        for (ContactVerification v : table.where(v -> customer.equals(v.customer()) && v.purpose() == purpose
                && v.usedAt() == null)) {
            marked += table.replaceIf(v.id(), x -> x.usedAt() == null, x -> used(x, at)) ? 1 : 0;
        }
        return marked;
    }

    @Override
    public int deleteAllOf(CustomerId customer, Collection<String> addresses) {
        Set<String> erased = Set.copyOf(addresses);
        int deleted = 0;
        for (ContactVerification v : table.where(v -> customer.equals(v.customer())
                || (v.purpose() == VerificationPurpose.SIGN_UP && erased.contains(v.address())))) {
            table.delete(v.id());
            deleted++;
        }
        return deleted;
    }

    private static ContactVerification used(ContactVerification v, Instant at) {
        return new ContactVerification(v.id(), v.purpose(), v.customer(), v.address(), v.tokenHash(), v.createdAt(),
                v.expiresAt(), at);
    }
}
