package org.crmkit.core.shared;

/** The kinds of {@link Actor}, as stored in audit entries. */
public enum ActorType {
    /** A staff user. */
    STAFF,
    /** A customer acting for themself. */
    CUSTOMER,
    /** A trusted process of the host. */
    SYSTEM,
    /** An unauthenticated caller. */
    ANONYMOUS
}
