/**
 * In-memory adapters of every outbound port (public API): the embedded default and what host test suites use.
 * Thread-safe and transactional: {@link org.crmkit.core.inmemory.InMemoryUnitOfWork} serializes transactions and
 * undoes every write of one that throws. Proven equal to the MyBatis adapter by the same contract tests.
 */
package org.crmkit.core.inmemory;
