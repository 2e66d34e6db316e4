package org.crmkit.core.staff.port.in;

/**
 * What the host knows of a caller, kept in the access log as given. Both parts are optional and neither is a reason
 * to refuse a call: each is the caller's (or a proxy's) free text, so it is stripped of control and format characters
 * (bidi overrides among them), line separators, unpaired surrogates and surrounding blanks, and cut to 255 characters
 * (code points, so no emoji is split); an empty one is kept as unknown.
 *
 * @param sourceAddress the caller's address as the host saw it: an IPv4 or IPv6 address, an {@code X-Forwarded-For}
 *                      list, {@code unknown}, whatever the host's proxy passed on
 * @param userAgent     the caller's user agent header
 */
public record AccessContext(String sourceAddress, String userAgent) {
    /** Longest source address kept. */
    public static final int MAX_SOURCE_ADDRESS = 255;
    /** Longest user agent kept. */
    public static final int MAX_USER_AGENT = 255;

    /** Cleans both parts. */
    public AccessContext {
        sourceAddress = clean(sourceAddress, MAX_SOURCE_ADDRESS);
        userAgent = clean(userAgent, MAX_USER_AGENT);
    }

    private static String clean(String text, int maxCodePoints) {
        if (text == null) {
            return null;
        }
        // control and format characters (bidi overrides, line separators) would let a caller forge what an
        // administrator reads in the log; an unpaired surrogate could not be stored as text at all
        String clean = text.codePoints().filter(c -> !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.SURROGATE
                        && Character.getType(c) != Character.LINE_SEPARATOR
                        && Character.getType(c) != Character.PARAGRAPH_SEPARATOR)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                .strip();
        return clean.isEmpty() ? null
                : clean.substring(0, clean.offsetByCodePoints(0, Math.min(maxCodePoints,
                        clean.codePointCount(0, clean.length())))).strip();
    }

    /** @return a context with nothing known (a batch job, a test) */
    public static AccessContext unknown() {
        return new AccessContext(null, null);
    }
}
