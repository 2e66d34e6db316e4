package org.crmkit.core.customer;

import java.time.LocalDate;

/**
 * Optional facts about the person.
 *
 * @param dateOfBirth optional; never in the future (checked against the clock by the aggregate)
 * @param gender      optional
 */
public record PersonalDetails(LocalDate dateOfBirth, Gender gender) {
    /** Nothing stated. */
    public static final PersonalDetails NONE = new PersonalDetails(null, null);
}
