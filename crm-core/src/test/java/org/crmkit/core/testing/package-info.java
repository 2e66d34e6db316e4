/** Test helpers shared by crm-core's tests and, through the test-jar, by the adapter and example tests. */
package org.crmkit.core.testing;
