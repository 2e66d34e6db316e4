package org.crmkit.core.lead;

/** How a lead came in. */
public enum LeadSource {
    /** A form on the host's website. */
    WEB_FORM,
    /** Recommended by a customer or partner. */
    REFERRAL,
    /** A marketing campaign. */
    CAMPAIGN,
    /** A bulk import. */
    IMPORT,
    /** Anything else. */
    OTHER
}
