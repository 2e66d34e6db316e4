package org.crmkit.persistence.mybatis.internal.loyalty;

import java.util.UUID;

/** One pair an entry is looked for under: the customer's ledger and the entry's reference. */
record EntryKeyParams(UUID customerId, String reference) {
}
