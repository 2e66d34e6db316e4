package org.crmkit.core.shared;

/**
 * One use case's permission. Each use case of {@code Crm} asks the {@link AccessPolicy} for exactly one of these.
 */
public enum Permission {
    /** Register a customer as staff. */
    CUSTOMER_REGISTER,
    /** Register oneself as a new customer (anonymous self-registration). */
    CUSTOMER_SELF_REGISTER,
    /** View one customer. */
    CUSTOMER_VIEW,
    /** Search and list customers. */
    CUSTOMER_SEARCH,
    /** Change contact details and address. */
    CUSTOMER_UPDATE_CONTACT,
    /** Deactivate or reactivate a customer. */
    CUSTOMER_CHANGE_STATUS,
    /** Assign an account manager. */
    CUSTOMER_ASSIGN_MANAGER,
    /** Add or remove tags. */
    CUSTOMER_TAG,
    /** Give or withdraw marketing consent. */
    CUSTOMER_CONSENT,
    /** Find possible duplicates of a customer. */
    CUSTOMER_FIND_DUPLICATES,
    /** Export everything held about a person (GDPR access). */
    CUSTOMER_EXPORT,
    /** Erase a person's data irreversibly (GDPR erasure). */
    CUSTOMER_ERASE,
    /** View departments. */
    DEPARTMENT_VIEW,
    /** Create, rename, change the manager of and deactivate departments. */
    DEPARTMENT_MANAGE,
    /** View staff users. */
    STAFF_VIEW,
    /** Create, update, move, deactivate and reactivate staff users. */
    STAFF_MANAGE,
    /** Grant and revoke roles. */
    STAFF_ROLES,
    /** Change one's own password. */
    ACCOUNT_CHANGE_PASSWORD,
    /** Record one's own logout. */
    ACCOUNT_LOGOUT,
    /** Read the access log (logins, logouts, resets). */
    ACCESS_LOG_VIEW,
    /** Read daily login and active-user counts. */
    ACCESS_REPORT,
    /** Read the audit trail. */
    AUDIT_VIEW,
    /** Change the catalog: categories and products. */
    PRODUCT_MANAGE,
    /** Read the catalog. */
    PRODUCT_VIEW,
    /** Record a purchase. */
    SALES_RECORD,
    /** Record a return against a purchase. */
    SALES_RETURN,
    /** Read purchases, purchase histories and totals. */
    SALES_VIEW,
    /** Rank customers by purchases over a period. */
    SALES_REPORT,
    /** Import sales data in bulk. */
    SALES_IMPORT,
    /** Read a loyalty statement. */
    LOYALTY_VIEW,
    /** Open a loyalty account. */
    LOYALTY_ENROL,
    /** Redeem points. */
    LOYALTY_REDEEM,
    /** Add or remove points by hand, with a reason. */
    LOYALTY_ADJUST,
    /** Run the expiry and tier batches. */
    LOYALTY_BATCH,
    /** Rank loyal customers. */
    LOYALTY_REPORT,
    /** Request a quote for a customer. */
    QUOTE_REQUEST,
    /** Answer a quote with prices, validity and terms, or revise the answer. */
    QUOTE_ANSWER,
    /** Accept or reject a quoted offer (accepting records its purchase). */
    QUOTE_DECIDE,
    /** Read one quote or a customer's quotes. */
    QUOTE_VIEW,
    /** Search quotes by status and customer. */
    QUOTE_SEARCH,
    /** Run the quote expiry batch. */
    QUOTE_BATCH,
    /** Create a lead. */
    LEAD_CREATE,
    /** View and search leads. */
    LEAD_VIEW,
    /** Change a lead's details and move it through the stages. */
    LEAD_UPDATE,
    /** Reopen a won or lost lead. */
    LEAD_REOPEN,
    /** Assign a lead to an owner (by hand or round-robin). */
    LEAD_ASSIGN,
    /** Convert a qualified lead into a customer. */
    LEAD_CONVERT,
    /** Erase the personal data of a lead that never became a customer (GDPR). */
    LEAD_ERASE,
    /** Log a call, email, meeting or note against a customer or a lead. */
    INTERACTION_LOG,
    /** Read a customer's or a lead's timeline of interactions. */
    INTERACTION_VIEW,
    /** Read tasks: one task, one's own tasks, overdue tasks. */
    TASK_VIEW,
    /** Create, change, reassign, start, complete and cancel tasks. */
    TASK_MANAGE,
    /** Run the reminder batch that hands due task reminders to the notifier. */
    TASK_REMIND,
    /** Give feedback on a product bought (a customer's own, or recorded for a customer). */
    FEEDBACK_GIVE,
    /** Read a customer's feedback and its responses. */
    FEEDBACK_VIEW,
    /** Read the feedback on a product, of every customer. */
    FEEDBACK_PRODUCT_VIEW,
    /** Answer feedback. */
    FEEDBACK_ANSWER,
    /** Read the queue of unanswered feedback. */
    FEEDBACK_QUEUE,
    /** Read a product's feedback statistics. */
    FEEDBACK_STATISTICS,
    /** Submit a support ticket. */
    TICKET_SUBMIT,
    /** Read tickets, search them, list those at risk of missing their SLA. */
    TICKET_VIEW,
    /** Move a ticket along its status transitions. */
    TICKET_WORK,
    /** Reopen a resolved ticket. */
    TICKET_REOPEN,
    /** Comment on a ticket. */
    TICKET_COMMENT,
    /** Assign a ticket to an agent or a department queue. */
    TICKET_ASSIGN,
    /** Take an unassigned ticket of one's department's queue (staff users only). */
    TICKET_PICK_UP,
    /** Raise a ticket's priority. */
    TICKET_ESCALATE,
    /** Notify SLA breaches. */
    TICKET_SLA_CHECK,
    /** Read support reports. */
    TICKET_REPORT
}
