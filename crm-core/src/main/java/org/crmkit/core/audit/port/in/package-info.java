/** The audit area's use case as hosts call it: searching the append-only audit trail. */
package org.crmkit.core.audit.port.in;
