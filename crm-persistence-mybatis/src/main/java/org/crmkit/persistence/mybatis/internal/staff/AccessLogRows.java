package org.crmkit.persistence.mybatis.internal.staff;

import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessLogEntry;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.AccountId;

/** The explicit mapping between an access log entry and its row. */
final class AccessLogRows {
    private AccessLogRows() {
    }

    static AccessLogRow toRow(AccessLogEntry e) {
        return new AccessLogRow(e.id(), e.at(), e.event().name(), e.outcome().name(),
                e.account() == null ? null : e.account().value(),
                e.holder() == null ? null : e.holder().kind().name(), e.holder() == null ? null : e.holder().id(),
                e.sourceAddress(), e.userAgent());
    }

    static AccessLogEntry toEntry(AccessLogRow r) {
        return new AccessLogEntry(r.id(), r.at(), AccessEvent.valueOf(r.event()), AccessOutcome.valueOf(r.outcome()),
                r.accountId() == null ? null : new AccountId(r.accountId()),
                r.holderKind() == null ? null : new AccountHolder(AccountHolder.Kind.valueOf(r.holderKind()),
                        r.holderId()),
                r.sourceAddress(), r.userAgent());
    }
}
