package org.crmkit.persistence.mybatis.internal.staff;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.staff.AccessLogEntry;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.port.out.AccessLog;
import org.crmkit.core.staff.port.out.AccessLogCriteria;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * The access log in {@code crm_access_log}: append-only, searched newest first. The only update crmkit makes blanks the
 * caller details ({@code source_address}, {@code user_agent}) of rows an erasure or the retention reaches, so a host's
 * application user needs UPDATE on those two columns alone.
 */
public final class MyBatisAccessLog implements AccessLog {
    private final AccessLogMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisAccessLog(MyBatisUnitOfWork unitOfWork) {
        this.mapper = unitOfWork.mapper(AccessLogMapper.class);
    }

    @Override
    public void append(AccessLogEntry entry) {
        mapper.insert(AccessLogRows.toRow(entry));
    }

    @Override
    public int eraseContext(AccountId account) {
        return mapper.eraseContext(account.value());
    }

    @Override
    public int eraseContextBefore(Instant before, int limit) {
        return limit <= 0 ? 0 : mapper.eraseContextBefore(before, limit);
    }

    @Override
    public List<AccessLogEntry> search(AccessLogCriteria c, int limit) {
        EntryPosition after = c.after();
        AccessLogSearchParams params = new AccessLogSearchParams(c.account() == null ? null : c.account().value(),
                c.from(), c.before(), after == null ? null : after.at(), after == null ? null : after.id(), limit);
        return mapper.search(params).stream().map(AccessLogRows::toEntry).toList();
    }

    @Override
    public LoginCounts countLogins(Instant from, Instant before) {
        LoginCountRow row = mapper.countLogins(from, before);
        return new LoginCounts(row.logins(), row.distinctAccounts());
    }
}
