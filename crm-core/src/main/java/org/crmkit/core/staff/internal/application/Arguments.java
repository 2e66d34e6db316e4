package org.crmkit.core.staff.internal.application;

import org.crmkit.core.shared.InvalidValueException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.port.in.AccessContext;

/** Bare arguments of queries, validated like commands. */
final class Arguments {
    private Arguments() {
    }

    /** @param departmentId the department asked for */
    record DepartmentIdQuery(@NotNull DepartmentId departmentId) {
    }

    /** @param staffId the staff user asked for */
    record StaffIdQuery(@NotNull StaffId staffId) {
    }

    /** A query without arguments (only the actor is checked). */
    record NoQuery() {
    }

    /** @param context the context of a call whose command is checked on its own */
    record Context(@NotNull @Valid AccessContext context) {
    }

    /**
     * The context of a call checked with its command, as one of its fields (see
     * {@link org.crmkit.core.shared.internal.UseCaseSupport#validate(org.crmkit.core.shared.Actor, Object,
     * java.util.function.Function)}).
     *
     * @param context the context the call was given
     * @return {@code null}
     * @throws InvalidValueException naming {@code context} when it is missing
     */
    static Void requireContext(AccessContext context) {
        if (context == null) {
            throw new InvalidValueException("context", "must not be null");
        }
        return null;
    }
}
