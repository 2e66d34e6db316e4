package org.crmkit.core.staff;

import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;

/** Customer registrations the staff tests need, differing only by email. */
final class Registrations {
    private Registrations() {
    }

    static RegisterCustomerCommand any(String email) {
        return new RegisterCustomerCommand("Walk", "In " + email.substring(0, email.indexOf('@')), email, null, null,
                null, null, CustomerSource.OTHER, null, false);
    }
}
