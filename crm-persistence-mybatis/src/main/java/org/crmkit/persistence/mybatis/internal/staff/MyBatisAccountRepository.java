package org.crmkit.persistence.mybatis.internal.staff;

import java.util.Optional;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.AccountSnapshot;
import org.crmkit.core.staff.port.out.AccountRepository;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * Login accounts in {@code crm_account}, unique by login ({@code uq_crm_account__login}) and by holder
 * ({@code uq_crm_account__holder}), with optimistic locking on the version column. Deleting an account deletes its
 * reset tokens first.
 */
public final class MyBatisAccountRepository implements AccountRepository {
    private final MyBatisUnitOfWork unitOfWork;
    private final AccountMapper mapper;
    private final PasswordResetTokenMapper tokens;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisAccountRepository(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(AccountMapper.class);
        this.tokens = unitOfWork.mapper(PasswordResetTokenMapper.class);
    }

    @Override
    public void add(AccountSnapshot account) {
        mapper.insert(AccountRows.toRow(account));
    }

    @Override
    public void update(AccountSnapshot account) {
        AccountSnapshot snapshot = account;
        unitOfWork.updateVersioned("account", account.id(), account.version(),
                () -> mapper.update(AccountRows.toRow(snapshot)), () -> { });
    }

    @Override
    public Optional<AccountSnapshot> findById(AccountId id) {
        return restore(mapper.selectById(id.value()));
    }

    @Override
    public Optional<AccountSnapshot> findByLoginForUpdate(EmailAddress login) {
        return restore(mapper.selectByLoginForUpdate(login.value()));
    }

    @Override
    public Optional<AccountSnapshot> findByHolder(AccountHolder holder) {
        return restore(mapper.selectByHolder(holder.kind().name(), holder.id()));
    }

    @Override
    public void delete(AccountId id) {
        unitOfWork.inTransaction(() -> {
            tokens.deleteByAccount(id.value());
            mapper.delete(id.value());
        });
    }

    private static Optional<AccountSnapshot> restore(AccountRow row) {
        return Optional.ofNullable(row).map(r -> AccountRows.toSnapshot(r));
    }
}
