package org.crmkit.core.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crmkit.core.shared.internal.Texts;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks commands with Jakarta Validation and turns every violation into one {@link InvalidCommandException} that
 * names each bad field. A {@code null} command is refused as field {@code "command"}.
 *
 * <p>It also holds every text of a command or query, whatever its field, to one rule: no unpaired surrogate halves
 * (which are no characters: MySQL refuses or replaces them, so a value would come back altered) and no control
 * characters other than line breaks and tabs. Fields with a stricter rule of their own (a name, a reference: no line
 * breaks either) check it where they are converted.
 */
public final class CommandValidator {
    private final Validator validator;

    /** @param validator the Jakarta validator to use */
    public CommandValidator(Validator validator) {
        this.validator = validator;
    }

    /**
     * @return a validator on Hibernate Validator with parameter-only message interpolation (no Jakarta EL needed)
     */
    public static CommandValidator createDefault() {
        ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        return new CommandValidator(factory.getValidator());
    }

    /**
     * @param command the command to check
     * @throws InvalidCommandException listing every violated field
     */
    public void check(Object command) {
        if (command == null) {
            throw new InvalidCommandException(List.of(new FieldError("command", "must not be null")));
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(command);
        List<FieldError> errors = new ArrayList<>(violations.stream()
                .map(v -> new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                .toList());
        Set<String> named = new HashSet<>();
        errors.forEach(e -> named.add(e.field()));
        checkTexts("", command, errors, named, 0);
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
    }

    /** Walks a record's components (nested records, optionals and collections too) and checks every text. */
    private static void checkTexts(String path, Object value, List<FieldError> errors, Set<String> named, int depth) {
        if (value == null || depth > 4) {
            return;
        }
        if (value instanceof String text) {
            String problem = Texts.problem(text, true);
            if (problem != null && named.add(path)) {
                errors.add(new FieldError(path, problem));
            }
        } else if (value instanceof java.util.Optional<?> optional) {
            optional.ifPresent(v -> checkTexts(path, v, errors, named, depth + 1));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> checkTexts(path, v, errors, named, depth + 1));
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object part;
                try {
                    part = component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    continue; // a record of a host's: nothing of crmkit's to check there
                }
                checkTexts(path.isEmpty() ? component.getName() : path + "." + component.getName(), part, errors,
                        named, depth + 1);
            }
        }
    }

    /**
     * The field a host knows: the path of properties, without the indexes and container elements Hibernate adds
     * ({@code roles[].<iterable element>} becomes {@code roles}).
     */
    private static String fieldOf(jakarta.validation.Path path) {
        StringBuilder field = new StringBuilder();
        for (jakarta.validation.Path.Node node : path) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                field.append(field.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return field.length() == 0 ? path.toString() : field.toString();
    }
}
