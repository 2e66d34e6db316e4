package org.crmkit.persistence.mybatis.internal.quote;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The parameters of a quote search.
 *
 * @param status     a status name, or {@code null}
 * @param customers  customer ids, or {@code null} for any
 * @param manager    only customers this staff user is account manager of, or {@code null} for any
 * @param descending newest first
 * @param afterAt    the request time of the last quote of the previous page, or {@code null}
 * @param afterId    its id, or {@code null}
 * @param limit      most rows
 */
record SearchParams(String status, List<UUID> customers, UUID manager, boolean descending, Instant afterAt,
                    UUID afterId, int limit) {
}
