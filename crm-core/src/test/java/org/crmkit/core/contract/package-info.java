/**
 * Port contract tests (published in crm-core's test-jar): one abstract JUnit 5 class per outbound port. Every
 * adapter (in-memory, MyBatis, or a host's own) extends them to prove it behaves like the others.
 */
package org.crmkit.core.contract;
