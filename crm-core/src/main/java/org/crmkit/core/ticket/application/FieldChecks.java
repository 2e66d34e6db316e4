package org.crmkit.core.ticket.application;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;

/**
 * Runs several checks of a command's fields and collects what they refuse, so that a command with several bad fields
 * (a purchase that is not the customer's and an inactive department, say) names all of them in one
 * {@link InvalidCommandException}.
 */
final class FieldChecks {
    private final List<FieldError> errors = new ArrayList<>();

    /** @param check a check that throws {@link InvalidCommandException} @param <T> its result @return it, or null */
    <T> T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidCommandException refused) {
            errors.addAll(refused.errors());
            return null;
        }
    }

    /** @param check a check that throws {@link InvalidCommandException} */
    void run(Runnable check) {
        check(() -> {
            check.run();
            return null;
        });
    }

    /** @throws InvalidCommandException naming every field refused so far */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
    }
}
