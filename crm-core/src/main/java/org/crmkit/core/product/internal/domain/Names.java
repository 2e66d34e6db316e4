package org.crmkit.core.product.internal.domain;

import org.crmkit.core.shared.internal.Texts;

/**
 * The lengths of the catalog's names and texts, and their check: the kernel's {@link Texts} (trimmed, within a length
 * counted in code points, no control characters or unpaired surrogates; a description may hold line breaks and tabs).
 */
final class Names {
    static final int SHORT = 100;
    static final int LONG = 200;
    static final int DESCRIPTION = 2000;

    private Names() {
    }

    /**
     * @param field the field named in an error
     * @param text  the text
     * @param max   the most code points allowed
     * @return the trimmed text
     */
    static String check(String field, String text, int max) {
        return Texts.required(field, text, max, max >= DESCRIPTION);
    }
}
