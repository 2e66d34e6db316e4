/**
 * The benchmarks of crmkit on a MySQL-compatible server: the bulk sales import against plain JDBC batches of the same
 * rows, and a loyalty statement of a short and of a long ledger. Not part of the default build; run with
 * {@code ./mvnw -q -Pbenchmarks -pl crm-benchmarks -am package -DskipTests} (see {@code docs/performance.md}).
 */
package org.crmkit.benchmarks;
