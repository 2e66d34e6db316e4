package org.crmkit.core.spi;

import java.util.Optional;
import org.crmkit.core.shared.UnitOfWork;

/**
 * A persistence adapter: one unit of work and the ports of the areas the adapter stores (the audit trail among them),
 * looked up by type. crmkit ships the in-memory adapter (the default, {@code Crm.inMemoryPersistence()}) and the MyBatis adapter
 * ({@code MyBatisCrmPersistence}); a host may write its own and prove each port with the contract tests of crm-core's
 * test-jar.
 *
 * <p>This interface does not grow when crmkit gains an area: an adapter answers {@link #port} for the port types it
 * implements (such as {@code CustomerRepository.class}) and empty for every other. {@code Crm} keeps an area whose
 * port the adapter does not provide in memory, in a transaction joined to the adapter's: begun inside the adapter's,
 * committed just before it. That keeps a host adapter written for today's areas compiling and running when an area
 * is added. The in-memory part is neither durable nor committed atomically with the adapter's, and while any port
 * runs in memory the transactions of that {@code Crm} run one at a time (the in-memory store holds one lock per
 * transaction; with host-managed transactions it commits when each crmkit call returns). Every {@code Crm} built on
 * one adapter object shares its in-memory part. The ports left out are logged at WARN when {@code Crm} is built. A
 * host that stores an area for real, or runs crmkit under load, provides its port.
 */
public interface CrmPersistence {

    /** @return the transaction boundary every port of this adapter takes part in */
    UnitOfWork unitOfWork();

    /**
     * @param type a port interface of an area, such as {@code CustomerRepository.class} or the audit trail's
     *             {@code AuditLog.class}
     * @param <P>  the port type
     * @return the adapter's implementation of that port, or empty when the adapter does not store that area
     */
    <P> Optional<P> port(Class<P> type);
}
