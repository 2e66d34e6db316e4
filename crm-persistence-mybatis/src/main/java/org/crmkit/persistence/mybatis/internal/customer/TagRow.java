package org.crmkit.persistence.mybatis.internal.customer;

import java.util.UUID;

/** One row of {@code crm_customer_tag}. */
record TagRow(UUID customerId, String tag) {
}
