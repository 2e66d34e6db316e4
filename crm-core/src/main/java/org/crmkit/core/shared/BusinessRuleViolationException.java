package org.crmkit.core.shared;

import java.util.Map;

/** A well-formed request broke a business rule (for example reactivating an erased customer). Code is the rule. */
public final class BusinessRuleViolationException extends CrmException {
    private static final long serialVersionUID = 1L;
    /** Map.copyOf gives a serializable map. */
    @SuppressWarnings("serial")
    private final Map<String, String> details;

    /**
     * @param rule    the rule's code, for example {@code CustomerError.CUSTOMER_ERASED}
     * @param message readable explanation with ids only
     */
    public BusinessRuleViolationException(ErrorCode rule, String message) {
        this(rule, message, Map.of());
    }

    /**
     * @param rule    the rule's code
     * @param message readable explanation with ids only
     * @param details named values a host may show (for example the balance that was too low), never personal data
     */
    public BusinessRuleViolationException(ErrorCode rule, String message, Map<String, String> details) {
        super(rule, message);
        this.details = Map.copyOf(details);
    }

    /** @return named values of the violation (for example {@code balance} for {@code insufficient_points}) */
    public Map<String, String> details() {
        return details;
    }
}
