package org.crmkit.core.sales.internal.application;

import java.util.Currency;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Money;

/**
 * One run of the sales import as each of its parts sees it: who runs it, with which options, in which currency, and
 * the source its order references belong to.
 *
 * @param actor    the caller, on whose behalf products and customers are created and purchases recorded
 * @param options  the options the caller chose
 * @param currency the currency of every price in the import
 * @param source   the options' source, stripped
 */
record ImportRun(Actor actor, SalesImportOptions options, Currency currency, String source) {
    /** @return the line's unit price in the import's currency */
    Money unitPrice(SaleLine line) {
        return Money.of("unitPrice", line.unitPrice(), currency);
    }
}
