/**
 * Internal, not API (ADR 0011): the in-memory adapters of every outbound port, the embedded default that
 * {@code Crm.builder().build()} and {@code Crm.inMemoryPersistence()} hand out and what host test suites run on.
 * Thread-safe and transactional: {@link org.crmkit.core.internal.inmemory.InMemoryUnitOfWork} serializes transactions and
 * undoes every write of one that throws. Proven equal to the MyBatis adapter by the same contract tests.
 */
package org.crmkit.core.internal.inmemory;
