package org.crmkit.core.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.crmkit.core.Crm;
import org.crmkit.core.internal.AreaPorts;

/**
 * For crmkit's own tests only: the store a {@link Crm} runs on, which the public API does not hand out (its
 * repositories skip authorization and audit). It reads {@code Crm}'s package-private accessor reflectively, so no
 * test class has to live in {@code org.crmkit.core}, a package the module exports. A test that can keeps the
 * persistence it built its {@code Crm} with instead.
 */
public final class CrmTestAccess {
    private static final Method PERSISTENCE = accessor();

    private CrmTestAccess() {
    }

    /** @param crm an instance @return the ports it runs on: its adapter's, or in memory */
    public static AreaPorts persistence(Crm crm) {
        try {
            return (AreaPorts) PERSISTENCE.invoke(crm);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Method accessor() {
        try {
            Method method = Crm.class.getDeclaredMethod("persistence");
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Crm has no persistence() accessor any more", e);
        }
    }
}
