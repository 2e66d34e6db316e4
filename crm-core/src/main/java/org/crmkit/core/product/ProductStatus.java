package org.crmkit.core.product;

/** Whether a product is sold. */
public enum ProductStatus {
    /** On sale. */
    ACTIVE,
    /** No longer sold; kept for the purchases that name it. */
    RETIRED
}
