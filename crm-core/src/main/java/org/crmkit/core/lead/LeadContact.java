package org.crmkit.core.lead;

import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.PhoneNumber;

/**
 * Who a lead is: a name, and optionally a company, an email address and a phone number.
 *
 * @param name    the person's name
 * @param company the company, 1 to 200 characters, or {@code null}
 * @param email   the normalized email, or {@code null}
 * @param phone   the E.164 phone, or {@code null}
 */
public record LeadContact(PersonName name, String company, EmailAddress email, PhoneNumber phone) {
    /** Most characters of a company name. */
    public static final int MAX_COMPANY = 200;

    /** Checks the name and trims the company. */
    public LeadContact {
        if (name == null) {
            throw new InvalidValueException("lastName", "must not be null");
        }
        if (company != null) {
            company = company.strip();
            if (company.isEmpty()) {
                company = null;
            } else if (company.codePointCount(0, company.length()) > MAX_COMPANY
                    || company.codePoints().anyMatch(Character::isISOControl)) {
                throw new InvalidValueException("company", "must be at most " + MAX_COMPANY
                        + " characters without control characters");
            }
        }
    }
}
