package org.crmkit.core.shared;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A command failed validation; {@link #errors()} lists every violated field. Code {@code invalid_command}. */
public final class InvalidCommandException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    /** @param errors every violated field, at least one */
    public InvalidCommandException(List<FieldError> errors) {
        super(CrmError.INVALID_COMMAND, describe(errors));
        this.errors = errors.stream()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    private static String describe(List<FieldError> errors) {
        return "invalid command: " + errors.stream()
                .map(e -> e.field() + " " + e.message())
                .sorted()
                .collect(Collectors.joining("; "));
    }

    /** @return the violated fields, sorted by field name */
    public List<FieldError> errors() {
        return errors;
    }

    /** @return the names of the violated fields, sorted */
    public List<String> fields() {
        return errors.stream().map(FieldError::field).distinct().toList();
    }
}
