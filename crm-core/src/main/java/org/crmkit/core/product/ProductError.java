package org.crmkit.core.product;

import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ErrorCode;

/**
 * The error codes of the product area's rules ({@link BusinessRuleViolationException} and the conflicts that are
 * the area's own), with what each means; docs/errors.md lists them with the HTTP status a web host would map them to.
 * A host compares with {@link org.crmkit.core.shared.CrmException#is(ErrorCode)}.
 */
public enum ProductError implements ErrorCode {
    /** A category cannot move under itself or one of its descendants. */
    CATEGORY_CYCLE,
    /**
     * The product is retired, so it can no longer be changed or sold; also raised by sales when a purchase line names
     * a retired product.
     */
    PRODUCT_RETIRED
}
