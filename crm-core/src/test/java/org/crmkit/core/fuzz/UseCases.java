package org.crmkit.core.fuzz;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.staff.port.in.Accounts;

/**
 * Every public use case {@link Crm} hands out, found by reflection (each method of each {@code port.in} interface one
 * of its accessors returns), and the generator of calls to it: who calls and with which arguments.
 */
final class UseCases {
    private UseCases() {
    }

    /**
     * One use-case method.
     *
     * @param type     its interface
     * @param accessor the method of {@code Crm} that hands the interface out
     * @param method   the method
     */
    record Operation(Class<?> type, Method accessor, Method method) {
        /** @param crm the instance @param args the arguments @return what the use case returned */
        Object invoke(Crm crm, Object[] args) throws Throwable {
            try {
                return method.invoke(accessor.invoke(crm), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        /** @return the parameter's name as a generator reads it: an {@code email} to authenticate is a login */
        String nameOf(Parameter parameter) {
            return type == Accounts.class && parameter.getName().equals("email") ? "login" : parameter.getName();
        }

        @Override
        public String toString() {
            return type.getSimpleName() + "." + method.getName();
        }
    }

    /**
     * One generated call.
     *
     * @param operation the use case
     * @param caller    who calls
     * @param index     which staff role, for {@link FuzzWorld.Caller#ROLE}
     * @param args      its arguments, the actor's made from the caller
     */
    record Call(Operation operation, FuzzWorld.Caller caller, int index, List<Val> args) {
        /** @param ctx the running call @return the arguments made */
        Object[] make(Ctx ctx) {
            Object[] made = new Object[args.size()];
            for (int i = 0; i < made.length; i++) {
                made[i] = args.get(i).make(ctx);
            }
            return made;
        }

        @Override
        public String toString() {
            return operation + "(" + args.stream().map(Val::toString).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** @return every use-case method, sorted */
    static List<Operation> all() {
        List<Operation> found = new ArrayList<>();
        for (Method accessor : Crm.class.getMethods()) {
            Class<?> type = accessor.getReturnType();
            if (Modifier.isStatic(accessor.getModifiers()) || accessor.getParameterCount() != 0
                    || !type.isInterface() || !type.getPackageName().endsWith(".port.in")) {
                continue;
            }
            for (Method method : type.getMethods()) {
                if (!Modifier.isStatic(method.getModifiers()) && !method.isDefault()) {
                    found.add(new Operation(type, accessor, method));
                }
            }
        }
        found.sort(Comparator.comparing(Operation::toString).thenComparing(o -> o.method().toGenericString()));
        return found;
    }

    /**
     * @param operation a use case
     * @param values    the generators
     * @return calls to it: mostly all arguments valid, or one hostile, sometimes each either way
     * @throws Values.NoGenerator when an argument's type has no generator
     */
    static Arbitrary<Call> calls(Operation operation, Values values) {
        Parameter[] parameters = operation.method().getParameters();
        List<Values.Gen> gens = new ArrayList<>();
        for (Parameter parameter : parameters) {
            gens.add(parameter.getType() == Actor.class ? null
                    : values.of(parameter.getParameterizedType(), operation.nameOf(parameter)));
        }
        Arbitrary<FuzzWorld.Caller> caller = Arbitraries.frequency(Tuple.of(30, FuzzWorld.Caller.ADMIN),
                Tuple.of(7, FuzzWorld.Caller.SYSTEM), Tuple.of(3, FuzzWorld.Caller.SYSTEM_NAMED),
                Tuple.of(15, FuzzWorld.Caller.ROLE),
                Tuple.of(5, FuzzWorld.Caller.CLERK), Tuple.of(15, FuzzWorld.Caller.CUSTOMER_A),
                Tuple.of(6, FuzzWorld.Caller.CUSTOMER_B), Tuple.of(5, FuzzWorld.Caller.ANONYMOUS),
                Tuple.of(3, FuzzWorld.Caller.UNKNOWN_STAFF), Tuple.of(2, FuzzWorld.Caller.DEACTIVATED_STAFF),
                Tuple.of(3, FuzzWorld.Caller.NULL));
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 99);
        long others = gens.stream().filter(g -> g != null).count();
        Arbitrary<Integer> hostile = others == 0 ? Arbitraries.just(-1)
                : Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(-1)),
                        Tuple.of(4, Arbitraries.integers().between(0, parameters.length - 1)),
                        Tuple.of(1, Arbitraries.just(-2)));
        // a system actor is named by the host: its name is text like any other, and ends up in the audit trail
        Arbitrary<Val> systemName = values.of(String.class, "systemName").any();
        return Combinators.combine(caller, index, hostile, systemName).flatAs((who, which, bad, name) -> {
            List<Arbitrary<Val>> args = new ArrayList<>();
            for (int i = 0; i < parameters.length; i++) {
                Values.Gen gen = gens.get(i);
                if (gen == null && who == FuzzWorld.Caller.SYSTEM_NAMED) {
                    args.add(Arbitraries.just(Val.deferred("system " + name,
                            ctx -> Actor.system((String) name.make(ctx)))));
                } else if (gen == null) {
                    args.add(Arbitraries.just(Val.deferred(who.name().toLowerCase(java.util.Locale.ROOT),
                            ctx -> ctx.world.actor(who, which))));
                } else {
                    args.add(bad == -2 ? gen.any() : bad == i ? gen.hostile() : gen.valid());
                }
            }
            return Combinators.combine(args).as(made -> new Call(operation, who, which, made));
        });
    }

    /** @return the interfaces the operations belong to, by simple name */
    static List<String> interfaces() {
        return all().stream().map(o -> o.type().getSimpleName()).distinct().sorted().toList();
    }
}
