package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.Size;
import org.crmkit.core.shared.IpAddress;

/**
 * What the host knows of a caller, kept in the access log. Both parts are optional. The user agent is cut to 255
 * characters (code points, so no emoji is split) and stripped of control characters: it is the caller's free text,
 * not something to refuse a login for.
 *
 * @param sourceAddress the caller's IPv4 or IPv6 address as the host saw it
 * @param userAgent     the caller's user agent header
 */
public record AccessContext(
        @Size(max = 64) @IpAddress String sourceAddress,
        String userAgent) {
    /** Longest user agent kept. */
    public static final int MAX_USER_AGENT = 255;

    /** Cleans the user agent. */
    public AccessContext {
        if (userAgent != null) {
            String clean = userAgent.codePoints().filter(c -> !Character.isISOControl(c))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                    .strip();
            userAgent = clean.isEmpty() ? null
                    : clean.substring(0, clean.offsetByCodePoints(0, Math.min(MAX_USER_AGENT,
                            clean.codePointCount(0, clean.length()))));
        }
    }

    /** @return a context with nothing known (a batch job, a test) */
    public static AccessContext unknown() {
        return new AccessContext(null, null);
    }
}
