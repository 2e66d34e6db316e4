package org.crmkit.core.shared;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.shared.internal.Texts;

/**
 * Who calls a use case. Every use case takes one; the host builds it from its own authentication. Described in
 * messages and audit entries by type and id only.
 */
public sealed interface Actor permits Actor.Staff, Actor.Customer, Actor.SystemProcess, Actor.Anonymous {

    /**
     * A staff actor as a host builds it from its own session. crmkit identifies the user by {@code id} and
     * authorizes with the roles and department stored for them at the time of each call; {@code roles} grant
     * nothing by themselves (a host with single sign-on may pass an empty set). An unknown or deactivated user is
     * refused. {@code crm.accounts().authenticate(...)} returns this actor ready-made.
     *
     * @param id    the staff user
     * @param roles the roles the host believes the user holds (informational)
     * @return a staff actor
     */
    static Actor staff(StaffId id, Set<Role> roles) {
        return new Staff(id, roles);
    }

    /** @param id the customer acting for themself @return a customer actor */
    static Actor customer(CustomerId id) {
        return new Customer(id);
    }

    /**
     * @param name the job or integration, for example {@code "nightly-import"}: 1 to 64 characters, no control
     *             characters, no unpaired surrogates (it is stored in the audit trail)
     * @return a system actor
     * @throws InvalidValueException ({@code actor.name}) for a name that is blank, too long or breaks the text rule
     */
    static Actor system(String name) {
        return new SystemProcess(name);
    }

    /** @return the actor of an unauthenticated caller, such as a visitor registering themself */
    static Actor anonymous() {
        return new Anonymous();
    }

    /** @return the actor's kind */
    ActorType type();

    /** @return the actor's id as text, or the system process's name; empty for the anonymous actor */
    String reference();

    /** @return {@code "<type> <reference>"}, safe for logs and messages */
    default String describe() {
        return reference().isEmpty() ? type().name().toLowerCase(java.util.Locale.ROOT)
                : type().name().toLowerCase(java.util.Locale.ROOT) + " " + reference();
    }

    /**
     * A staff user with roles. crmkit authorizes a staff actor with the roles and department stored for the user at
     * the time of the call (the staff area re-reads a staff actor on every call); what the host puts here identifies the user.
     *
     * @param id         the user
     * @param roles      the roles
     * @param department the user's department, or {@code null}
     */
    record Staff(StaffId id, Set<Role> roles, DepartmentId department) implements Actor {
        /** Copies the roles. */
        public Staff {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(roles, "roles");
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        }

        /**
         * @param id    the user
         * @param roles the roles
         */
        public Staff(StaffId id, Set<Role> roles) {
            this(id, roles, null);
        }

        @Override
        public ActorType type() {
            return ActorType.STAFF;
        }

        @Override
        public String reference() {
            return id.toString();
        }
    }

    /**
     * A customer acting for themself (self-service).
     *
     * @param id the customer
     */
    record Customer(CustomerId id) implements Actor {
        /** Checks presence. */
        public Customer {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public ActorType type() {
            return ActorType.CUSTOMER;
        }

        @Override
        public String reference() {
            return id.toString();
        }
    }

    /**
     * A trusted process of the host (batch job, integration).
     *
     * @param name the process name, 1 to 64 characters, not personal data; held to the text rule of every text crmkit
     *             stores (it is the audit trail's actor reference): no control characters, no unpaired surrogates
     */
    record SystemProcess(String name) implements Actor {
        /** Checks the name. */
        public SystemProcess {
            if (name == null || name.isBlank() || name.length() > 64) {
                throw new InvalidValueException("actor.name", "must be 1 to 64 characters");
            }
            String problem = Texts.problem(name, false);
            if (problem != null) {
                throw new InvalidValueException("actor.name", problem);
            }
        }

        @Override
        public ActorType type() {
            return ActorType.SYSTEM;
        }

        @Override
        public String reference() {
            return name;
        }
    }

    /** An unauthenticated caller. */
    record Anonymous() implements Actor {
        @Override
        public ActorType type() {
            return ActorType.ANONYMOUS;
        }

        @Override
        public String reference() {
            return "";
        }
    }
}
