package org.crmkit.core;

import org.crmkit.core.internal.AreaPorts;

/**
 * For crmkit's own tests only: the store a {@link Crm} runs on, which the public API does not hand out (its
 * repositories skip authorization and audit). A test that can, keeps the persistence it built its {@code Crm} with.
 */
public final class CrmTestAccess {

    private CrmTestAccess() {
    }

    /** @param crm an instance @return the ports it runs on: its adapter's, or in memory */
    public static AreaPorts persistence(Crm crm) {
        return crm.persistence();
    }
}
