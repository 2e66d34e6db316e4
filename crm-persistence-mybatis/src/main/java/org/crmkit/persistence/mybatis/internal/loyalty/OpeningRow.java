package org.crmkit.persistence.mybatis.internal.loyalty;

import java.util.UUID;

/** Which opening an account row carries: tells the call that inserted it from the others. */
record OpeningRow(UUID customerId, UUID openingId) {
}
