/**
 * The customer area's store of aggregates on its persistence port (internal): the port exchanges snapshots, the store
 * turns them into the aggregates the area's services change. Not API.
 */
package org.crmkit.core.customer.internal.store;
