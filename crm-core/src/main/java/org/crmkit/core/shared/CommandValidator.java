package org.crmkit.core.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks commands with Jakarta Validation and turns every violation into one {@link InvalidCommandException} that
 * names each bad field. A {@code null} command is refused as field {@code "command"}.
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
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations.stream()
                    .map(v -> new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                    .toList());
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
