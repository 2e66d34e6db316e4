/**
 * Internal, not API (ADR 0011): the use-case plumbing every area shares ({@link
 * org.crmkit.core.shared.internal.UseCaseSupport}: validate, authorize, run in a transaction, audit, publish), the
 * text, time, id and cursor rules, and the contracts through which areas take part in each other's work (erasure,
 * export, lead conversion, purchases). Hosts never need these types; a JPMS host cannot reach them.
 */
package org.crmkit.core.shared.internal;
