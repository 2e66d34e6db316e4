package org.crmkit.persistence.mybatis.internal.support;

/**
 * The one way the adapter turns user text into a {@code LIKE} pattern: {@code !} escapes the wildcards, and every
 * statement that uses such a pattern says {@code ESCAPE '!'}. A search for "50%_off" then finds exactly that text.
 */
public final class LikePatterns {

    private LikePatterns() {
    }

    /** @param text text as typed @return it with {@code !}, {@code %} and {@code _} escaped by {@code !} */
    public static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** @param text a prefix as typed @return the pattern of everything starting with it */
    public static String startingWith(String text) {
        return escape(text) + "%";
    }

    /** @param text text as typed @return the pattern of everything containing it */
    public static String containing(String text) {
        return "%" + escape(text) + "%";
    }
}
