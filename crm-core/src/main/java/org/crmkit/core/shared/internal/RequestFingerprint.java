package org.crmkit.core.shared.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The fingerprint of a keyed request: the SHA-256 of a canonical form of its command, the idempotency key left out.
 * Two commands with equal content have the same fingerprint in every JVM (the elements of a set and the entries of a
 * map are sorted by their canonical form, whatever their iteration order); commands that differ in any component
 * have different ones. Only the hash is stored, never the content.
 */
public final class RequestFingerprint {
    /** The component every keyed command names its key with; it is what identifies the request, not its content. */
    static final String KEY_COMPONENT = "idempotencyKey";

    private RequestFingerprint() {
    }

    /**
     * @param command a command record
     * @return 64 lowercase hexadecimal digits
     */
    public static String of(Record command) {
        StringBuilder canonical = new StringBuilder();
        append(canonical, command);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append('~');
        } else if (value instanceof Record record) {
            out.append(record.getClass().getName()).append('(');
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (!component.getName().equals(KEY_COMPONENT)) {
                    out.append(component.getName()).append('=');
                    append(out, read(component, record));
                    out.append(';');
                }
            }
            out.append(')');
        } else if (value instanceof Set<?> set) {
            out.append('{');
            set.stream().map(RequestFingerprint::canonical).sorted().forEach(e -> out.append(e).append(';'));
            out.append('}');
        } else if (value instanceof Map<?, ?> map) {
            out.append('<');
            map.entrySet().stream().map(e -> canonical(e.getKey()) + '=' + canonical(e.getValue())).sorted()
                    .forEach(e -> out.append(e).append(';'));
            out.append('>');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            list.forEach(e -> {
                append(out, e);
                out.append(';');
            });
            out.append(']');
        } else if (value.getClass().isArray()) {
            out.append('[');
            for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
                append(out, java.lang.reflect.Array.get(value, i));
                out.append(';');
            }
            out.append(']');
        } else if (value instanceof CharSequence text) {
            // length-prefixed, so that no text can imitate the separators around it
            out.append('"').append(text.length()).append(':').append(text);
        } else {
            String text = value.toString();
            out.append(value.getClass().getName()).append(':').append(text.length()).append(':').append(text);
        }
    }

    private static String canonical(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of a command", e);
        }
    }
}
