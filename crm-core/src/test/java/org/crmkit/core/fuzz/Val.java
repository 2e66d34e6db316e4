package org.crmkit.core.fuzz;

import java.util.function.Function;

/**
 * One generated argument of a fuzzed call, or a part of one. It is made when its call runs, since many values are
 * ids or references of the world the call runs on (another customer's ticket, the current version of a record), and
 * it is described for jqwik's report of a failing sample.
 *
 * @param label what it is, readable (long texts abbreviated, control characters escaped)
 * @param make  makes it in the world the call runs on
 */
record Val(String label, Function<Ctx, Object> make) {

    /** @param value a value that needs no world @return it, described */
    static Val of(Object value) {
        return new Val(describe(value), ctx -> value);
    }

    /** @param label what it is @param make makes it @return a value made when its call runs */
    static Val deferred(String label, Function<Ctx, Object> make) {
        return new Val(label, make);
    }

    /** @param ctx the running call @return the value */
    Object make(Ctx ctx) {
        return make.apply(ctx);
    }

    @Override
    public String toString() {
        return label;
    }

    /** @param value any value @return it readable: texts quoted, escaped and abbreviated */
    static String describe(Object value) {
        if (value instanceof String text) {
            return quote(text);
        }
        return String.valueOf(value);
    }

    /** @param text a text @return it in quotes, control characters and surrogate halves escaped, long texts cut */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        int shown = Math.min(text.length(), 40);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || c == '"' || c == '\\'
                    || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        if (text.length() > shown) {
            out.append("...(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
