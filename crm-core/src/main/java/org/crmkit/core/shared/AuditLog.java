package org.crmkit.core.shared;

import java.util.List;
import java.util.UUID;

/**
 * Outbound port of the audit trail. Append-only by design: there is no update and no delete. Entries appended
 * inside a {@link UnitOfWork} are kept or dropped with it.
 */
public interface AuditLog {

    /** @param entry the entry to append */
    void append(AuditEntry entry);

    /**
     * Appends several entries, in their order, as {@link #append} does each (an adapter sends them together).
     *
     * @param entries the entries to append
     */
    default void appendAll(List<AuditEntry> entries) {
        entries.forEach(this::append);
    }

    /**
     * @param targetType the kind of object
     * @param targetId   the object's id
     * @return the entries about that object, oldest first
     */
    List<AuditEntry> findByTarget(String targetType, UUID targetId);

    /**
     * @param criteria filters and the resume position
     * @param limit    the most entries to return
     * @return matching entries, newest first (ties by id, descending)
     */
    List<AuditEntry> search(AuditCriteria criteria, int limit);

    /** @return how many entries the trail holds */
    long count();
}
