package org.crmkit.core.shared;

/** A well-formed request broke a business rule (for example reactivating an erased customer). Code is the rule. */
public final class BusinessRuleViolationException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param rule    stable name of the rule, used as {@link #code()}, for example {@code "customer.erased"}
     * @param message readable explanation with ids only
     */
    public BusinessRuleViolationException(String rule, String message) {
        super(rule, message);
    }
}
