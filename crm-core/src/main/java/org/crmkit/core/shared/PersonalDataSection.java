package org.crmkit.core.shared;

import java.util.List;
import java.util.Objects;

/**
 * One part of a GDPR access export that another area than the customer's contributes: a name and the records, each
 * a view that the area's own use cases return too, so the export serializes to JSON with any record-aware mapper.
 *
 * @param name    the section, such as {@code purchases}
 * @param records its records, in the area's order; empty when the area holds nothing about the person
 */
public record PersonalDataSection(String name, List<? extends Record> records) {
    /** The customer's purchases, with their lines and returns ({@code PurchaseView}), newest first. */
    public static final String PURCHASES = "purchases";
    /** The customer's loyalty account ({@code LoyaltyAccountView}): one record, or none without an account. */
    public static final String LOYALTY_ACCOUNT = "loyalty_account";
    /** Every entry of the customer's loyalty ledger, with its explanation ({@code LedgerEntryView}), newest first. */
    public static final String LOYALTY_LEDGER = "loyalty_ledger";

    /** Checks the name and copies the records. */
    public PersonalDataSection {
        Objects.requireNonNull(name, "name");
        records = List.copyOf(records);
    }
}
