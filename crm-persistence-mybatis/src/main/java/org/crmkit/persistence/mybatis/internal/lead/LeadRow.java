package org.crmkit.persistence.mybatis.internal.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_lead}, flat, as the mapper reads and writes it. */
record LeadRow(UUID id, long version, String firstName, String lastName, String firstNameKey, String lastNameKey,
               String company, String companyKey, String email, String phone, String source,
               BigDecimal estimatedValue, String estimatedCurrency, String notes, UUID ownerId, Instant assignedAt,
               String stage, String lostReason, int score, int interactions, Instant createdAt,
               Instant lastActivityAt, UUID convertedCustomerId) {
}
