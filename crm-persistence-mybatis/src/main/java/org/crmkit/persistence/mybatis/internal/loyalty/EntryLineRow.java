package org.crmkit.persistence.mybatis.internal.loyalty;

import java.util.UUID;

/** One row of {@code crm_loyalty_entry_line}: what one purchase line of an earning earned, and why. */
record EntryLineRow(UUID entryId, int lineNumber, UUID productId, int quantity, long points, String explanation) {
}
