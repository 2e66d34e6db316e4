package org.crmkit.core.quote.port.in;

/**
 * What an expiry run did.
 *
 * @param examined how many quotes past their validity it looked at
 * @param expired  how many of them it expired (the others were decided or revised meanwhile, or skipped)
 * @param skipped  how many of them it left as they were because a concurrent change of the same quote got in the way
 *                 (a {@link org.crmkit.core.shared.ConflictException}); the next run looks at them again
 */
public record ExpiryResult(long examined, long expired, long skipped) {
}
