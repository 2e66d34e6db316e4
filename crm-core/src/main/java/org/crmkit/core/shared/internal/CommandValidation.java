package org.crmkit.core.shared.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CommandValidator;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;

/**
 * The first step of every use case, behind {@link UseCaseSupport}'s {@code validate} and {@code commandField}: the
 * caller and the command checked with Jakarta Validation, and the command's fields converted into value objects,
 * every bad field of both named in one {@link InvalidCommandException}.
 */
final class CommandValidation {
    private final CommandValidator validator;

    CommandValidation(CommandValidator validator) {
        this.validator = validator;
    }

    /**
     * @param actor   the caller; must not be null
     * @param command the command; checked with Jakarta Validation
     * @throws InvalidCommandException naming every bad field
     */
    void validate(Actor actor, Object command) {
        if (actor == null) {
            throw new InvalidCommandException(List.of(new FieldError("actor", "must not be null")));
        }
        validator.check(command);
    }

    /**
     * Validates a command like {@link #validate(Actor, Object)} and converts and checks its fields (into value objects,
     * rules between fields, lookups), naming every bad field of both steps in one {@link InvalidCommandException} (a
     * field refused by both is named once). A missing actor or command is refused at once. The conversion runs even
     * when the validation failed, so it must accept the {@code null}s of refused fields; it takes each field through
     * {@link FieldChecks#attempt} to go on after a refusal, or throws {@link InvalidValueException} (one field) or
     * {@link InvalidCommandException} (several) to stop.
     *
     * @param actor      the caller
     * @param command    the command
     * @param conversion converts and checks the command's fields
     * @param <T>        what the conversion returns
     * @return the conversion's result, when nothing was refused
     * @throws InvalidCommandException naming every bad field
     */
    <T> T validate(Actor actor, Object command, Function<FieldChecks, T> conversion) {
        List<FieldError> errors = new ArrayList<>();
        try {
            validate(actor, command);
        } catch (InvalidCommandException invalid) {
            if (actor == null || command == null) {
                throw invalid;
            }
            errors.addAll(invalid.errors());
        }
        FieldChecks checks = new FieldChecks();
        T value = checks.attempt(() -> conversion.apply(checks));
        Set<String> named = new HashSet<>();
        errors.forEach(e -> named.add(e.field()));
        checks.errors().stream().filter(e -> named.add(e.field())).forEach(errors::add);
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return value;
    }

    /**
     * Converts one field of a command through its value object, reporting a refusal like every other bad field of a
     * command: as an {@link InvalidCommandException} naming the field.
     *
     * @param conversion builds the value object
     * @param <T>        its type
     * @return the value
     */
    static <T> T commandField(Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (InvalidValueException e) {
            throw new InvalidCommandException(List.of(new FieldError(e.field(), e.reason())));
        }
    }
}
