/**
 * The loyalty area's store of accounts on its persistence port (internal): the port exchanges rows, lots, entries
 * and changes, the store turns them into the aggregates the area's services change. Not API.
 */
package org.crmkit.core.loyalty.internal.store;
