package org.crmkit.core.contract;

import org.crmkit.core.internal.AreaPorts;
import org.crmkit.core.spi.CrmPersistence;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of every port contract: an adapter under test hands over a persistence whose stores are empty before each
 * test. A new port's contract extends this and reads its port from {@link #persistence}.
 */
public abstract class PortContract {
    /** The adapter under test, with empty stores, fresh for each test. */
    protected AreaPorts persistence;

    /** @return a persistence whose stores are empty */
    protected abstract CrmPersistence emptyPersistence();

    @BeforeEach
    void givenEmptyStores() {
        persistence = AreaPorts.strict(emptyPersistence());
    }
}
