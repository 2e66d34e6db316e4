package org.crmkit.core;

import org.crmkit.core.spi.CrmPersistence;

/**
 * For crmkit's own tests only: the store a {@link Crm} runs on, which the public API does not hand out (its
 * repositories skip authorization and audit). A test that can, keeps the persistence it built its {@code Crm} with.
 */
public final class CrmTestAccess {

    private CrmTestAccess() {
    }

    /** @param crm an instance @return the persistence it was built with */
    public static CrmPersistence persistence(Crm crm) {
        return crm.persistence();
    }
}
