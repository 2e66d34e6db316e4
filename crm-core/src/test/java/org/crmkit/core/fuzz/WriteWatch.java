package org.crmkit.core.fuzz;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.spi.CrmPersistence;

/**
 * The in-memory adapter, watched: every port call that writes is seen, and kept as committed once the outermost
 * transaction it ran in returned (a transaction that throws is rolled back, and so are its writes). That is the fuzz
 * test's "nothing written" check, exact and cheap: no copy of the stores before and after each call, and a write that
 * leaves a row as it was (an update to the same values, a version moved on) is seen too.
 *
 * <p>Every method of every port is named a read or a write by its verb below; a port method with a verb it does not
 * know fails when the watch is made, so a port that grows cannot slip past the check.
 */
final class WriteWatch implements CrmPersistence {
    /** Verbs of port methods that change stored state. */
    private static final List<String> WRITES = List.of("add", "update", "delete", "erase", "move", "append", "mark",
            "claim", "release", "complete");
    /** Verbs of port methods that only read (a {@code lock} or {@code ...ForUpdate} reads under a row lock). */
    private static final List<String> READS = List.of("find", "search", "count", "entries", "top", "accounts",
            "with", "lock", "sums", "earned", "tally", "timeline", "latest", "linked", "due", "quoted", "totals",
            "breach", "earnings", "converted");

    /**
     * One write a port was asked for.
     *
     * @param port   the port's simple name
     * @param method the method
     * @param args   its arguments
     */
    record Write(String port, String method, List<Object> args) {
        /** @return whether it is the audit entry of a refusal of the access policy */
        boolean isDeniedAudit() {
            return port.equals("AuditLog") && method.equals("append") && args.get(0) instanceof AuditEntry entry
                    && entry.outcome() == AuditOutcome.DENIED;
        }

        @Override
        public String toString() {
            return port + "." + method;
        }
    }

    private final InMemoryCrmPersistence delegate;
    private final Watched unitOfWork;
    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
    private final ThreadLocal<List<Write>> pending = ThreadLocal.withInitial(ArrayList::new);
    private final List<Write> committed = new ArrayList<>();

    /** @param delegate the store that does the work */
    WriteWatch(InMemoryCrmPersistence delegate) {
        this.delegate = delegate;
        this.unitOfWork = new Watched(delegate.unitOfWork());
    }

    /** @return how many writes were committed so far: a mark for {@link #committedSince} */
    synchronized int mark() {
        return committed.size();
    }

    /** @param mark a {@link #mark()} @return the writes committed since */
    synchronized List<Write> committedSince(int mark) {
        return List.copyOf(committed.subList(mark, committed.size()));
    }

    @Override
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    public <P> Optional<P> port(Class<P> type) {
        return delegate.port(type).map(port -> watched(type, port));
    }

    private <P> P watched(Class<P> type, P port) {
        for (Method method : type.getMethods()) {
            if (verbOf(method.getName(), WRITES) == null && verbOf(method.getName(), READS) == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + method.getName()
                        + " is neither a known read nor a known write: name its verb in WriteWatch");
            }
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "watched " + port;
                };
            }
            Object result;
            try {
                result = method.invoke(port, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (verbOf(method.getName(), WRITES) != null) {
                written(new Write(type.getSimpleName(), method.getName(),
                        args == null ? List.of() : Arrays.asList(args.clone())));
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static String verbOf(String method, List<String> verbs) {
        return verbs.stream().filter(method::startsWith).findFirst().orElse(null);
    }

    private void written(Write write) {
        if (depth.get() == 0) {
            synchronized (this) {
                committed.add(write); // outside a transaction of ours: the port committed it by itself
            }
        } else {
            pending.get().add(write);
        }
    }

    /** The store's unit of work, noting which writes each outermost transaction kept. */
    private final class Watched implements UnitOfWork {
        private final UnitOfWork inner;

        Watched(UnitOfWork inner) {
            this.inner = inner;
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return watched(() -> inner.inTransaction(work));
        }

        @Override
        public <T> T inStaleTolerantRead(Supplier<T> work) {
            return watched(() -> inner.inStaleTolerantRead(work));
        }

        private <T> T watched(Supplier<T> transaction) {
            int outer = depth.get();
            depth.set(outer + 1);
            boolean kept = false;
            try {
                T result = transaction.get();
                kept = true;
                return result;
            } finally {
                depth.set(outer);
                if (outer == 0) {
                    if (kept) {
                        synchronized (WriteWatch.this) {
                            committed.addAll(pending.get());
                        }
                    }
                    pending.get().clear();
                }
            }
        }

        @Override
        public boolean startsOwnTransaction() {
            return inner.startsOwnTransaction();
        }

        @Override
        public <T> T inSeries(Supplier<T> work) {
            return inner.inSeries(work);
        }

        @Override
        public void afterCommit(Runnable action) {
            inner.afterCommit(action);
        }
    }
}
