package org.crmkit.persistence.mybatis.internal.loyalty;

import java.util.UUID;

/** An account's version as a consistent read sees it. */
record VersionRow(UUID customerId, long version) {
}
