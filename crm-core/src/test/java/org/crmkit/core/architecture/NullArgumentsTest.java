package org.crmkit.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.crmkit.core.Crm;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.Refusals;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every method of every use-case interface {@link Crm} hands out refuses a {@code null} in each of its arguments but
 * the actor with a {@link CrmException} that names the argument, never a {@link NullPointerException} or another
 * foreign exception, and writes nothing: the interfaces and their methods are found by reflection, so a use case
 * added later is held to it too. Each call passes {@code null} in one argument and a harmless value in the others,
 * as an administrator (who may run most use cases; a missing argument is refused before access is decided anyway).
 */
class NullArgumentsTest {
    /** The name the command validator gives a missing command or query record, whatever its parameter is called. */
    private static final String MISSING_RECORD = "command";

    private MutableClock clock;
    private RecordingPublisher publisher;
    private Crm crm;
    private Actor admin;
    private Refusals refusals;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-03-02T09:00:00Z");
        publisher = new RecordingPublisher();
        crm = Crm.builder().persistence(InMemoryCrmPersistence.create()).clock(clock).eventPublisher(publisher)
                .build();
        admin = TestStaff.enrol(crm, StaffId.next(clock), Role.ADMIN);
        refusals = new Refusals(crm, publisher, () -> List.of());
    }

    @Test
    void everyUseCaseInterfaceOfCrmIsFound() {
        assertThat(useCases()).extracting(u -> u.type().getSimpleName()).contains("Customers", "StaffUsers",
                "Accounts", "Departments", "AuditTrail", "Products", "Sales", "Loyalty", "Quotes", "Leads",
                "Interactions", "Tasks", "ProductFeedback", "Tickets");
        assertThat(calls()).hasSizeGreaterThan(100);
    }

    @TestFactory
    Stream<DynamicTest> aNullArgumentIsRefusedByName() {
        return calls().stream().map(call -> DynamicTest.dynamicTest(call.toString(), () -> {
            CrmException refused = refusals.withoutEffect(CrmException.class, () -> call.invoke(this));
            assertThat(namedFields(refused)).as("the fields %s names", refused.code())
                    .containsAnyElementsOf(call.expectedNames());
        }));
    }

    @TestFactory
    Stream<DynamicTest> aNullActorIsRefusedByName() {
        return useCases().stream().flatMap(useCase -> Arrays.stream(useCase.type().getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isDefault())
                .filter(m -> Arrays.asList(m.getParameterTypes()).contains(Actor.class))
                .sorted(Comparator.comparing(Method::toGenericString))
                .map(m -> DynamicTest.dynamicTest(useCase.type().getSimpleName() + "." + m.getName() + "(actor=null)",
                        () -> {
                            CrmException refused = refusals.withoutEffect(CrmException.class,
                                    () -> invokeWithoutActor(useCase, m));
                            assertThat(namedFields(refused)).containsExactly("actor");
                        })));
    }

    private void invokeWithoutActor(UseCase useCase, Method method) throws Throwable {
        Object[] args = Arrays.stream(method.getParameterTypes()).map(t -> t == Actor.class ? null : sample(t))
                .toArray();
        try {
            method.invoke(useCase.accessor().invoke(crm), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        fail("%s.%s accepted a null actor", useCase.type().getSimpleName(), method.getName());
    }

    // ---- the calls ---------------------------------------------------------------------------------------------------

    /** A use-case interface and how to get it from a {@code Crm}. */
    private record UseCase(Class<?> type, Method accessor) {
    }

    /**
     * One call: a method with {@code null} in the parameter at {@code nulled}.
     *
     * @param useCase the interface
     * @param method  the method
     * @param nulled  the index of the parameter that is {@code null}
     */
    private record Call(UseCase useCase, Method method, int nulled) {
        Parameter parameter() {
            return method.getParameters()[nulled];
        }

        /** @return the parameter's name, and for a command or query record the validator's name for a missing one */
        List<String> expectedNames() {
            Parameter p = parameter();
            assertThat(p.isNamePresent()).as("parameter names are compiled in (-parameters)").isTrue();
            return p.getType().isRecord() && p.getType().getPackageName().endsWith(".port.in")
                    ? List.of(p.getName(), MISSING_RECORD) : List.of(p.getName());
        }

        void invoke(NullArgumentsTest test) throws Throwable {
            Object target = useCase.accessor().invoke(test.crm);
            Object[] args = new Object[method.getParameterCount()];
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < args.length; i++) {
                args[i] = i == nulled ? null : test.sample(parameters[i].getType());
            }
            try {
                method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            fail("%s accepted a null %s", this, parameter().getName());
        }

        @Override
        public String toString() {
            return useCase.type().getSimpleName() + "." + method.getName() + "(" + Arrays.stream(method.getParameters())
                    .map(p -> p.getName() + (p == parameter() ? "=null" : "")).reduce((a, b) -> a + ", " + b)
                    .orElse("") + ")";
        }
    }

    private static List<UseCase> useCases() {
        List<UseCase> found = new ArrayList<>();
        for (Method accessor : Crm.class.getMethods()) {
            Class<?> type = accessor.getReturnType();
            if (!Modifier.isStatic(accessor.getModifiers()) && accessor.getParameterCount() == 0 && type.isInterface()
                    && type.getPackageName().endsWith(".port.in")) {
                found.add(new UseCase(type, accessor));
            }
        }
        found.sort(Comparator.comparing(u -> u.type().getName()));
        return found;
    }

    private static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        for (UseCase useCase : useCases()) {
            Method[] methods = useCase.type().getMethods();
            Arrays.sort(methods, Comparator.comparing(Method::toGenericString));
            for (Method method : methods) {
                if (Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                    continue;
                }
                Parameter[] parameters = method.getParameters();
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i].getType() != Actor.class) {
                        calls.add(new Call(useCase, method, i));
                    }
                }
            }
        }
        return calls;
    }

    private static List<String> namedFields(CrmException e) {
        if (e instanceof InvalidCommandException invalid) {
            return invalid.fields();
        }
        if (e instanceof InvalidValueException invalid) {
            return List.of(invalid.field());
        }
        return List.of();
    }

    // ---- harmless values for the other arguments --------------------------------------------------------------------

    /** @return a value of the type that is not the point of the call: refused or not, it is no {@code null} */
    private Object sample(Class<?> type) {
        if (type == Actor.class) {
            return admin;
        } else if (type == String.class) {
            return "x";
        } else if (type == Instant.class) {
            return clock.instant();
        } else if (type == LocalDate.class) {
            return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        } else if (type == AccessContext.class) {
            return AccessContext.unknown();
        } else if (type == List.class || type == Iterable.class || type == java.util.Collection.class) {
            return List.of();
        } else if (type == Set.class) {
            return Set.of();
        } else if (type == Map.class) {
            return Map.of();
        } else if (type == UUID.class) {
            return UUID.randomUUID();
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        } else if (type.isRecord()) {
            return emptyRecord(type);
        } else if (type.isInterface()) {
            return noOp(type);
        } else if (type.isPrimitive()) {
            return primitive(type);
        }
        throw new IllegalStateException("no sample of " + type.getName() + "; add one");
    }

    /** @return the record with an id's UUID, or with every component at its default ({@code null}, 0, false) */
    private Object emptyRecord(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = types[i] == UUID.class ? UUID.randomUUID()
                    : types[i].isPrimitive() ? primitive(types[i]) : null;
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getName(), e);
        }
    }

    private static Object noOp(Class<?> type) {
        InvocationHandler nothing = (proxy, method, args) -> switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "no-op " + type.getSimpleName();
            default -> method.getReturnType().isPrimitive() && method.getReturnType() != void.class
                    ? primitive(method.getReturnType()) : null;
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, nothing);
    }

    private static Object primitive(Class<?> type) {
        if (type == boolean.class) {
            return false;
        } else if (type == long.class) {
            return 0L;
        } else if (type == double.class) {
            return 0.0;
        } else if (type == float.class) {
            return 0.0f;
        } else if (type == char.class) {
            return '\0';
        } else if (type == byte.class) {
            return (byte) 0;
        } else if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }
}
