package org.crmkit.core.fuzz;

import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

/**
 * Whether a field a refusal names is one the host sent: a parameter, or a path of components of the records it passed
 * ({@code address.countryCode}, {@code lines[2].quantity}, {@code page.size}), or the whole {@code command}, or the
 * {@code actor} (and a system actor's {@code actor.name}). A host maps these names to its own form fields.
 */
final class Fields {
    private Fields() {
    }

    /** @param operation the use case @param field a field its refusal named @return whether the host sent it */
    static boolean resolves(UseCases.Operation operation, String field) {
        String[] steps = field.replaceAll("\\[[^]]*]", "").split("\\.");
        if (steps[0].equals("command") || steps[0].equals("actor") && (steps.length == 1
                || steps[1].equals("name"))) {
            return true;
        }
        for (Parameter parameter : operation.method().getParameters()) {
            if (parameter.getName().equals(steps[0]) && follows(parameter.getParameterizedType(), steps, 1)) {
                return true;
            }
            if (follows(parameter.getParameterizedType(), steps, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean follows(Type type, String[] steps, int from) {
        if (from == steps.length) {
            return true;
        }
        if (type instanceof ParameterizedType parameterized) {
            return follows(parameterized.getActualTypeArguments()[0], steps, from);
        }
        if (type instanceof java.lang.reflect.WildcardType wildcard) {
            return follows(wildcard.getUpperBounds()[0], steps, from);
        }
        if (!(type instanceof Class<?> c) || !c.isRecord() || FuzzWorld.isId(c)) {
            return false;
        }
        for (RecordComponent component : c.getRecordComponents()) {
            if (component.getName().equals(steps[from]) && follows(component.getGenericType(), steps, from + 1)) {
                return true;
            }
        }
        return false;
    }
}
