package org.crmkit.core.shared.internal;

import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the refusals of a command's field conversions, so that a use case names every bad field at once (see
 * {@link UseCaseSupport#validate(Actor, Object, java.util.function.Function)}). Not thread-safe; one per call.
 */
public final class FieldChecks {
    private final List<FieldError> errors = new ArrayList<>();

    /** An empty collector, for checks outside {@link UseCaseSupport#validate(Actor, Object, java.util.function.Function)}. */
    public FieldChecks() {
    }

    /**
     * @param conversion builds one value object from a command's field, or checks one or more fields (refusing
     *                   with {@link InvalidValueException} or {@link InvalidCommandException})
     * @param <T>        its type
     * @return the value, or {@code null} when it was refused (the refusal is kept)
     */
    public <T> T attempt(Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (InvalidValueException e) {
            errors.add(new FieldError(e.field(), e.reason()));
            return null;
        } catch (InvalidCommandException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /**
     * Records a refusal the caller found itself (a rule between fields, say).
     *
     * @param field  the field
     * @param reason why it is refused
     */
    public void refuse(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    /** @throws InvalidCommandException naming every field refused so far */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
    }

    List<FieldError> errors() {
        return errors;
    }
}
