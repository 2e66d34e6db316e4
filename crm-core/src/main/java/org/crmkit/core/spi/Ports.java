package org.crmkit.core.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ports an adapter provides, by type: what an adapter's {@link CrmPersistence#port} looks up.
 *
 * <pre>{@code
 * private final Ports ports = Ports.builder().add(CustomerRepository.class, customers).build();
 *
 * public <P> Optional<P> port(Class<P> type) {
 *     return ports.find(type);
 * }
 * }</pre>
 */
public final class Ports {
    private final Map<Class<?>, Object> byType;

    private Ports(Map<Class<?>, Object> byType) {
        this.byType = Map.copyOf(byType);
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param type a port interface
     * @param <P>  the port type
     * @return the implementation added for exactly that type, or empty
     */
    public <P> Optional<P> find(Class<P> type) {
        return Optional.ofNullable(byType.get(Objects.requireNonNull(type, "type"))).map(type::cast);
    }

    /** Collects the ports; each type once. */
    public static final class Builder {
        private final Map<Class<?>, Object> byType = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param type           a port interface
         * @param implementation its implementation
         * @param <P>            the port type
         * @return this builder
         * @throws IllegalArgumentException when {@code type} is not an interface or was added before
         */
        public <P> Builder add(Class<P> type, P implementation) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(implementation, "implementation");
            if (!type.isInterface()) {
                throw new IllegalArgumentException(type.getName() + " is not a port interface");
            }
            if (byType.putIfAbsent(type, implementation) != null) {
                throw new IllegalArgumentException(type.getName() + " added twice");
            }
            return this;
        }

        /** @return the ports */
        public Ports build() {
            return new Ports(byType);
        }
    }
}
