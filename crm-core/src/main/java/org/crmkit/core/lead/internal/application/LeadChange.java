package org.crmkit.core.lead.internal.application;

import java.util.Optional;
import org.crmkit.core.lead.internal.domain.Lead;
import org.crmkit.core.lead.LeadContact;
import org.crmkit.core.lead.port.in.UpdateLeadCommand;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.internal.FieldChecks;
import org.crmkit.core.shared.internal.NameChange;

/**
 * The details a partial lead update names, each converted and checked on its own; {@code null} keeps a detail, an
 * empty optional removes it.
 */
record LeadChange(NameChange name, Optional<String> company, Optional<EmailAddress> email,
                  Optional<PhoneNumber> phone, Optional<Money> value, Optional<String> notes) {

    static LeadChange of(UpdateLeadCommand command, FieldChecks checks) {
        NameChange name = checks.attempt(() -> NameChange.of(command.firstName(), command.lastName()));
        Optional<String> company = command.company() == null ? null : command.company()
                .map(c -> checks.attempt(() -> new LeadContact(new PersonName("-", "-"), c, null, null).company()));
        Optional<EmailAddress> email = command.email() == null ? null : command.email()
                .filter(e -> !e.isBlank()).map(e -> checks.attempt(() -> EmailAddress.of(e)));
        Optional<PhoneNumber> phone = command.phone() == null ? null : command.phone()
                .filter(p -> !p.isBlank()).map(p -> checks.attempt(() -> PhoneNumber.parse(p)));
        Optional<Money> value = command.estimatedValue() == null ? null : command.estimatedValue()
                .map(v -> checks.attempt(() -> Money.of("estimatedValue.amount", v.amount(),
                        Money.currency("estimatedValue.currency", v.currency()))));
        Optional<String> notes = command.notes() == null ? null : command.notes()
                .map(n -> checks.attempt(() -> Lead.checkText("notes", n)));
        return new LeadChange(name, company, email, phone, value, notes);
    }

    LeadContact applyTo(LeadContact current) {
        return new LeadContact(name.applyTo(current.name()),
                company == null ? current.company() : company.orElse(null),
                email == null ? current.email() : email.orElse(null),
                phone == null ? current.phone() : phone.orElse(null));
    }
}
