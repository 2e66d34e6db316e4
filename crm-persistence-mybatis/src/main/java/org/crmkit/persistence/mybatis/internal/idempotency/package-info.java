/** The idempotency keys of creating use cases, in {@code crm_idempotency_key}. Internal to the adapter. */
package org.crmkit.persistence.mybatis.internal.idempotency;
