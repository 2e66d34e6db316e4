/**
 * The sales area's stores of aggregates on its persistence ports (internal): the ports exchange snapshots, the
 * stores turn them into the aggregates the area's services change. Not API.
 */
package org.crmkit.core.sales.internal.store;
