package org.crmkit.persistence.mybatis.internal.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code crm_customer}, flat, as the mapper reads and writes it. */
record CustomerRow(UUID id, long version, String firstName, String lastName, String nameKey, String firstNameKey,
                   String email, String phone, String addressLine1, String addressLine2, String postalCode,
                   String city, String region, String countryCode, LocalDate dateOfBirth, String gender,
                   Instant registeredAt, String status, boolean consentGiven, Instant consentChangedAt,
                   UUID accountManagerId, String source, String externalRef, Instant erasedAt) {
}
