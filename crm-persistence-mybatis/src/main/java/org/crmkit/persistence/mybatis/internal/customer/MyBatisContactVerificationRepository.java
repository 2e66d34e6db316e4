package org.crmkit.persistence.mybatis.internal.customer;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.customer.ContactVerification;
import org.crmkit.core.customer.VerificationPurpose;
import org.crmkit.core.customer.port.out.ContactVerificationRepository;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * Contact verifications in {@code crm_contact_verification}, unique by hash
 * ({@code uq_crm_contact_verification__tokenHash}). "Mark used" is a conditional update, so of two concurrent uses of
 * one token exactly one changes the row.
 */
public final class MyBatisContactVerificationRepository implements ContactVerificationRepository {
    private final ContactVerificationMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisContactVerificationRepository(MyBatisUnitOfWork unitOfWork) {
        this.mapper = unitOfWork.mapper(ContactVerificationMapper.class);
    }

    @Override
    public void add(ContactVerification v) {
        mapper.insert(new ContactVerificationRow(v.id(), v.purpose().name(),
                v.customer() == null ? null : v.customer().value(), v.address(), v.tokenHash(), v.createdAt(),
                v.expiresAt(), v.usedAt()));
    }

    @Override
    public Optional<ContactVerification> findByHash(String tokenHash) {
        // an ASCII column: other text matches no token, and the server would refuse to compare it
        if (!tokenHash.chars().allMatch(c -> c < 0x80)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mapper.selectByHash(tokenHash)).map(r -> new ContactVerification(r.id(),
                VerificationPurpose.valueOf(r.purpose()), r.customerId() == null ? null : new CustomerId(r.customerId()),
                r.address(), r.tokenHash(), r.createdAt(), r.expiresAt(), r.usedAt()));
    }

    @Override
    public boolean markUsed(UUID id, Instant at) {
        return mapper.markUsed(id, at) == 1;
    }

    @Override
    public int markAllUsed(CustomerId customer, VerificationPurpose purpose, Instant at) {
        return mapper.markAllUsed(customer.value(), purpose.name(), at);
    }

    @Override
    public int deleteAllOf(CustomerId customer, Collection<String> addresses) {
        int deleted = mapper.deleteByCustomer(customer.value());
        return addresses.isEmpty() ? deleted : deleted + mapper.deleteSignUpsOf(addresses);
    }
}
