package org.crmkit.persistence.mybatis.internal.loyalty;

import java.util.UUID;

/** One customer of the top earners: the points their entries of the period earned. */
record EarnerRow(UUID customerId, long earned) {
}
