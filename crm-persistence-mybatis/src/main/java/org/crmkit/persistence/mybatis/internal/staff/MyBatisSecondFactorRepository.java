package org.crmkit.persistence.mybatis.internal.staff;

import java.util.Optional;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.SecondFactorSnapshot;
import org.crmkit.core.staff.port.out.SecondFactorRepository;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * The accounts' second factors in {@code crm_second_factor}: keyed by the account (a second one is a duplicate on
 * {@code account}), the open challenge's hash unique ({@code uq_crm_second_factor__challengeHash}), with optimistic
 * locking on the version column.
 */
public final class MyBatisSecondFactorRepository implements SecondFactorRepository {
    private final MyBatisUnitOfWork unitOfWork;
    private final SecondFactorMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisSecondFactorRepository(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(SecondFactorMapper.class);
    }

    @Override
    public void add(SecondFactorSnapshot factor) {
        try {
            mapper.insert(SecondFactorRows.toRow(factor));
        } catch (ConflictException e) {
            // the primary key is the account: the server names it PRIMARY, the port names the field
            throw "id".equals(e.field()) ? ConflictException.duplicate("second_factor", "account", null) : e;
        }
    }

    @Override
    public void update(SecondFactorSnapshot factor) {
        unitOfWork.updateVersioned("second_factor", factor.account(), factor.version(),
                () -> mapper.update(SecondFactorRows.toRow(factor)), () -> { });
    }

    @Override
    public Optional<SecondFactorSnapshot> findByAccountForUpdate(AccountId account) {
        return Optional.ofNullable(mapper.selectByAccountForUpdate(account.value())).map(SecondFactorRows::toSnapshot);
    }

    @Override
    public Optional<SecondFactorSnapshot> findByChallenge(String challengeHash) {
        // an ASCII column: other text matches no challenge, and the server would refuse to compare it
        if (!challengeHash.chars().allMatch(c -> c < 0x80)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mapper.selectByChallenge(challengeHash)).map(SecondFactorRows::toSnapshot);
    }

    @Override
    public void delete(AccountId account) {
        mapper.delete(account.value());
    }
}
