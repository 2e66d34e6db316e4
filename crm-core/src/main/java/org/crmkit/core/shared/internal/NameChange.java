package org.crmkit.core.shared.internal;

import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.PersonName;

/**
 * The parts of a person's name a partial update names, each checked with the rules of {@link PersonName} on its own;
 * a part left {@code null} keeps the current one.
 *
 * @param first the new given name, trimmed, or {@code null} to keep it
 * @param last  the new family name, trimmed, or {@code null} to keep it
 */
public record NameChange(String first, String last) {

    /** Stands in for the part a command does not change, to check the other part alone; never stored. */
    private static final String KEPT_PART = "kept";

    /**
     * @param first the given name as sent, or {@code null} to keep it
     * @param last  the family name as sent, or {@code null} to keep it
     * @return the change, the parts trimmed
     * @throws InvalidValueException naming {@code firstName} or {@code lastName} when a named part breaks a rule
     */
    public static NameChange of(String first, String last) {
        PersonName checked = new PersonName(first == null ? KEPT_PART : first, last == null ? KEPT_PART : last);
        return new NameChange(first == null ? null : checked.first(), last == null ? null : checked.last());
    }

    /** @param current the name now @return the name after the change */
    public PersonName applyTo(PersonName current) {
        return first == null && last == null ? current
                : new PersonName(first == null ? current.first() : first, last == null ? current.last() : last);
    }
}
