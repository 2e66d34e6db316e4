package org.crmkit.core.internal.inmemory;

import java.util.Arrays;

/** String order of a binary collation ({@code utf8mb4_bin}): by code point, as MySQL sorts the key columns. */
final class CodePoints {
    private CodePoints() {
    }

    static int compare(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
