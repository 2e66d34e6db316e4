/**
 * The shared kernel of crmkit (public API): typed ids, value objects such as {@link org.crmkit.core.shared.Money}
 * and {@link org.crmkit.core.shared.EmailAddress}, keyset paging, the {@link org.crmkit.core.shared.Actor} who
 * calls a use case with its roles and permissions, the {@link org.crmkit.core.shared.CrmException} tree, and the
 * cross-cutting ports every area uses ({@link org.crmkit.core.shared.UnitOfWork},
 * {@link org.crmkit.core.shared.EventPublisher}, {@link org.crmkit.core.shared.AccessPolicy}).
 *
 * <p>Everything here is plain Java: no framework type appears in a signature.
 */
package org.crmkit.core.shared;
