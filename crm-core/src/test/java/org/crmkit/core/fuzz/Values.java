package org.crmkit.core.fuzz;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.sales.port.in.ImportProgress;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.task.TaskLinkKind;
import org.crmkit.core.task.port.in.TaskLinkData;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.shared.Role;

/**
 * The generators of the fuzz test: for any type a use case takes, valid values (what a careful host sends, so that
 * calls get past validation into the rules and the stores) and hostile ones (nulls, extremes, control characters,
 * unpaired surrogates, huge texts and lists, far dates, other customers' ids, garbage cursors). Records are made
 * through their canonical constructors from generated components, found by reflection, so a command field added
 * later is fuzzed without a line here; a type without a generator fails the fuzz test's coverage check.
 *
 * <p>A record is generated all valid, with one component hostile, or with each component either way; that keeps
 * enough calls accepted to test what accepted calls store, and reaches every field's checks one at a time.
 */
final class Values {
    /** A list past every bound a use case sets on how many items it takes (1,000 references, 500 lines, ...). */
    static final int HUGE_LIST = 1_001;

    /** Texts no host should send, and some at or just past the limits fields have. */
    static final List<String> HOSTILE_TEXTS = Collections.unmodifiableList(Arrays.asList(null, "", " ", " \t\n ",
            "\u0000", "Jo\u0000hn", "bell\u0007", "\u001B[31mred", "del\u007F", "next\u0085line", "Jo\uD800",
            "\uDC00Jo", "\uD83D", "two\nlines", "crlf\r\nline", "tab\tstop", "sep\u2028arator", "\uFEFFbom",
            "\u202Eevil", "\u200F\u05E9\u05DC\u05D5\u05DD\u200F", "\uD83D\uDC4D", "\uD835\uDD18\uD835\uDD2B",
            "e\u0301", "\u00A0nbsp\u00A0", "\u3000wide\u3000", "'; DROP TABLE crm_customer; --", "%", "_", "\\",
            "<script>alert(1)</script>", "${jndi:ldap://x}", "\uFFFF\uFFFE", "a".repeat(64), "a".repeat(65),
            "a".repeat(100), "a".repeat(101), "a".repeat(200), "a".repeat(201), "a".repeat(255), "a".repeat(256),
            "a".repeat(501), "a".repeat(2_001), "a".repeat(4_001), "a".repeat(10_001),
            "\uD83D\uDC4D".repeat(101), "\uD83D\uDC4D".repeat(5_001), " ".repeat(10_001), "a".repeat(100_001)));
    /** What a hostile text may have put into an otherwise valid one. */
    private static final List<String> HOSTILE_PIECES = List.of("\u0000", "\u0007", "\uD800", "\uDC00", "\n", "\r\n",
            "\t", "\u200F", "\uD83D\uDC4D", "  ", "\u0085", "\u001F", "\uFFFF", "\u2028", "\u00AD");
    private static final List<Instant> FAR_INSTANTS = List.of(Instant.MIN, Instant.MAX, Instant.EPOCH,
            Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("0999-12-31T23:59:59.999999999Z"),
            Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("9999-12-30T23:59:59.999999999Z"),
            Instant.parse("9999-12-31T00:00:00Z"), Instant.parse("+10000-01-01T00:00:00Z"),
            FuzzWorld.START.plusNanos(1), FuzzWorld.START.minusNanos(1), FuzzWorld.START.plus(Duration.ofDays(36_500)),
            FuzzWorld.START.minus(Duration.ofDays(36_500)));
    private static final List<LocalDate> FAR_DATES = List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(1, 1, 1),
            LocalDate.of(999, 12, 31), LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31),
            LocalDate.of(10_000, 1, 1), LocalDate.of(2100, 1, 1), LocalDate.of(1800, 2, 28));
    private static final List<String> HOSTILE_DECIMALS = List.of("-1", "-0.01", "0.00001", "1E+400", "1E-400",
            "123456789012345.6789", "1234567890123456", "999999999999999.99995", "1E+2147483647",
            "1E-2147483647", "9".repeat(1_000));

    private final Map<String, Gen> made = new HashMap<>();

    /**
     * The valid and the hostile values of a type.
     *
     * @param valid   values a careful host sends
     * @param hostile values it should not
     */
    record Gen(Arbitrary<Val> valid, Arbitrary<Val> hostile) {
        /** @return mostly valid, sometimes hostile */
        Arbitrary<Val> any() {
            return Arbitraries.frequencyOf(Tuple.of(7, valid), Tuple.of(3, hostile));
        }
    }

    /** A type this class has no generator for: the fuzz test's coverage check reports it. */
    static final class NoGenerator extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoGenerator(String message) {
            super(message);
        }
    }

    /**
     * @param type a parameter's or record component's type
     * @param name its name (which picks valid values: an email, a SKU, a line number)
     * @return its generator
     * @throws NoGenerator for a type without one
     */
    Gen of(Type type, String name) {
        String key = type.getTypeName() + " " + name;
        Gen gen = made.get(key);
        if (gen == null) {
            gen = make(type, name);
            made.put(key, gen);
        }
        return gen;
    }

    private Gen make(Type type, String name) {
        if (type instanceof WildcardType wildcard) {
            return of(wildcard.getUpperBounds()[0], name);
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type element = parameterized.getActualTypeArguments()[0];
            String elementName = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
            if (raw == List.class || raw == Iterable.class || raw == java.util.Collection.class) {
                return list(of(element, elementName), false);
            } else if (raw == Set.class) {
                return list(of(element, elementName), true);
            } else if (raw == Optional.class) {
                return optional(of(element, name));
            }
            throw new NoGenerator("no generator of " + type.getTypeName() + " (" + name + ")");
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return Texts.of(name);
        } else if (c == int.class || c == Integer.class) {
            return ints(name, c == Integer.class);
        } else if (c == long.class || c == Long.class) {
            return name.equals("expectedVersion") ? versions() : longs(name, c == Long.class);
        } else if (c == double.class) {
            return doubles();
        } else if (c == boolean.class) {
            return same(Arbitraries.of(true, false).map(Val::of));
        } else if (c == Boolean.class) {
            return same(Arbitraries.of(Boolean.TRUE, Boolean.FALSE, null).map(Val::of));
        } else if (c == BigDecimal.class) {
            return decimals();
        } else if (c == Instant.class) {
            return instants(name);
        } else if (c == LocalDate.class) {
            return dates(name);
        } else if (c == UUID.class) {
            return uuids();
        } else if (c.isEnum()) {
            return new Gen(Arbitraries.of(c.getEnumConstants()).map(Val::of), Arbitraries.just(Val.of(null)));
        } else if (FuzzWorld.isId(c)) {
            return ids(c);
        } else if (c == ImportProgress.class) {
            return new Gen(Arbitraries.just(Val.of(ImportProgress.none())), Arbitraries.just(Val.of(null)));
        } else if (c == TaskLinkData.class) {
            Gen generic = record(c);
            return new Gen(taskLinks(), generic.hostile());
        } else if (c.isRecord() && Modifier.isPublic(c.getModifiers())) {
            return record(c);
        } else if (c.isSealed()) {
            List<Gen> kinds = Arrays.stream(c.getPermittedSubclasses()).map(k -> of(k, name)).toList();
            return new Gen(Arbitraries.frequencyOf(Tuple.of(9, kinds.get(0).valid()),
                    Tuple.of(1, Arbitraries.oneOf(kinds.stream().map(Gen::any).toList()))),
                    Arbitraries.oneOf(kinds.stream().map(Gen::hostile).toList()));
        }
        throw new NoGenerator("no generator of " + type.getTypeName() + " (" + name + ")");
    }

    // ---- records ----------------------------------------------------------------------------------------------------

    private Gen record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        List<Gen> parts = Arrays.stream(components).map(c -> of(c.getGenericType(), c.getName())).toList();
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new NoGenerator("no canonical constructor of " + type.getName());
        }
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        Arbitrary<Val> valid = combine(type, constructor, names, parts.stream().map(Gen::valid).toList());
        if (parts.isEmpty()) {
            return new Gen(valid, Arbitraries.just(Val.of(null)));
        }
        Arbitrary<Val> oneHostile = Arbitraries.integers().between(0, parts.size() - 1).flatMap(bad -> {
            List<Arbitrary<Val>> each = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                each.add(i == bad ? parts.get(i).hostile() : parts.get(i).valid());
            }
            return combine(type, constructor, names, each);
        });
        Arbitrary<Val> mixed = combine(type, constructor, names, parts.stream().map(Gen::any).toList());
        return new Gen(valid, Arbitraries.frequencyOf(Tuple.of(6, oneHostile), Tuple.of(3, mixed),
                Tuple.of(1, Arbitraries.just(Val.of(null)))));
    }

    private static Arbitrary<Val> combine(Class<?> type, Constructor<?> constructor, List<String> names,
                                          List<Arbitrary<Val>> parts) {
        if (parts.isEmpty()) {
            return Arbitraries.just(Val.deferred(type.getSimpleName() + "[]", ctx -> construct(constructor)));
        }
        return Combinators.combine(parts).as(values -> {
            String label = type.getSimpleName() + "[" + java.util.stream.IntStream.range(0, values.size())
                    .mapToObj(i -> names.get(i) + "=" + values.get(i)).collect(Collectors.joining(", ")) + "]";
            return Val.deferred(label, ctx -> {
                Object outerFirstId = ctx.firstId;
                ctx.firstId = null;
                try {
                    Object[] args = new Object[values.size()];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = values.get(i).make(ctx);
                    }
                    return construct(constructor, args);
                } finally {
                    ctx.firstId = outerFirstId;
                }
            });
        });
    }

    private static Object construct(Constructor<?> constructor, Object... args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw asUnchecked(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + constructor.getDeclaringClass().getName(), e);
        }
    }

    private static RuntimeException asUnchecked(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    /** A task's link names a record of its kind: a valid one, since the generic one rarely does. */
    private static Arbitrary<Val> taskLinks() {
        Map<TaskLinkKind, Class<?>> types = Map.of(TaskLinkKind.CUSTOMER, CustomerId.class, TaskLinkKind.LEAD,
                LeadId.class, TaskLinkKind.TICKET, TicketId.class);
        return Combinators.combine(Arbitraries.of(TaskLinkKind.class), Arbitraries.integers().between(0, 999))
                .as((kind, i) -> Val.deferred("link to own " + kind + " #" + i, ctx -> {
                    Record id = (Record) ctx.world.pick(types.get(kind), FuzzWorld.Pick.OWN, i, ctx);
                    return new TaskLinkData(kind, (UUID) FuzzWorld.components(id).get("value"));
                }));
    }

    // ---- ids and versions -------------------------------------------------------------------------------------------

    private static Gen ids(Class<?> type) {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 999);
        Function<FuzzWorld.Pick, Arbitrary<Val>> pick = how -> index.map(i -> Val.deferred(
                how.name().toLowerCase(java.util.Locale.ROOT) + " " + type.getSimpleName() + " #" + i, ctx -> {
                    Object id = ctx.world.pick(type, how, i, ctx);
                    ctx.named(id);
                    return id;
                }));
        // none at times among the valid ones too: many ids are optional, some exclusive (a customer's or a lead's)
        return new Gen(Arbitraries.frequencyOf(Tuple.of(6, pick.apply(FuzzWorld.Pick.OWN)),
                Tuple.of(2, pick.apply(FuzzWorld.Pick.ANY)), Tuple.of(2, pick.apply(FuzzWorld.Pick.LATEST)),
                Tuple.of(2, Arbitraries.just(Val.of(null)))),
                Arbitraries.frequencyOf(Tuple.of(5, pick.apply(FuzzWorld.Pick.FOREIGN)),
                        Tuple.of(3, pick.apply(FuzzWorld.Pick.RANDOM)), Tuple.of(2, Arbitraries.just(Val.of(null)))));
    }

    private static Gen versions() {
        Val current = Val.deferred("current version", ctx -> ctx.firstId == null ? 0L
                : ctx.world.versionOf(ctx.firstId));
        Val stale = Val.deferred("current version + 1", ctx -> ctx.firstId == null ? 1L
                : ctx.world.versionOf(ctx.firstId) + 1);
        return new Gen(Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(current)),
                Tuple.of(3, Arbitraries.just(Val.of(null)))),
                Arbitraries.oneOf(Arbitraries.just(stale), Arbitraries.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE)
                        .map(Val::of)));
    }

    private static Gen uuids() {
        return new Gen(Arbitraries.integers().between(0, 999).map(i -> Val.deferred("known uuid #" + i,
                ctx -> ctx.world.anyUuid(i))),
                Arbitraries.oneOf(Arbitraries.just(Val.of(null)), Arbitraries.just(Val.of(new UUID(0, 0))),
                        Arbitraries.longs().map(l -> Val.of(new UUID(l, ~l)))));
    }

    // ---- numbers ----------------------------------------------------------------------------------------------------

    private static Gen ints(String name, boolean boxed) {
        if (name.equals("lineNumber")) {
            // the lines of one command numbered 1, 2, 3 ... as a host numbers them, or now and then any of 1 to 3
            Arbitrary<Val> inOrder = Arbitraries.just(Val.deferred("next line number", ctx -> ++ctx.lineNumber));
            return new Gen(Arbitraries.frequencyOf(Tuple.of(4, inOrder),
                    Tuple.of(1, Arbitraries.integers().between(1, 3).map(Val::of))),
                    indexed(List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 501, 1_000_001)));
        }
        Arbitrary<Integer> valid = switch (name) {
            case "quantity" -> Arbitraries.integers().between(1, 4);
            case "rating" -> Arbitraries.integers().between(1, 5);
            case "limit" -> Arbitraries.integers().between(1, 20);
            case "batchSize" -> Arbitraries.integers().between(1, 500);
            case "size" -> Arbitraries.integers().between(1, 50);
            case "minScore" -> Arbitraries.integers().between(0, 50);
            case "maxScore" -> Arbitraries.integers().between(50, 100);
            default -> Arbitraries.integers().between(0, 10);
        };
        List<Integer> hostile = new ArrayList<>(List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 101, 201,
                1_000_001, -1_000_001));
        if (boxed) {
            hostile.add(null);
        }
        Arbitrary<Val> validVals = valid.map(Val::of);
        if (boxed) {
            validVals = Arbitraries.frequencyOf(Tuple.of(4, validVals), Tuple.of(1, Arbitraries.just(Val.of(null))));
        }
        return new Gen(validVals, indexed(hostile));
    }

    private static Gen longs(String name, boolean boxed) {
        Arbitrary<Long> valid = switch (name) {
            case "points" -> Arbitraries.longs().between(-50, 500).filter(p -> p != 0);
            case "durationSeconds" -> Arbitraries.longs().between(0, 7_200);
            case "sourceLine" -> Arbitraries.longs().between(1, 100);
            default -> Arbitraries.longs().between(0, 100);
        };
        List<Long> hostile = new ArrayList<>(List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1_000_000_000_000L,
                (long) Integer.MAX_VALUE + 1, -1_000_000_000_000L));
        Arbitrary<Val> validVals = valid.map(Val::of);
        if (boxed) {
            hostile.add(null);
            validVals = Arbitraries.frequencyOf(Tuple.of(4, validVals), Tuple.of(1, Arbitraries.just(Val.of(null))));
        }
        return new Gen(validVals, indexed(hostile));
    }

    private static Gen doubles() {
        return new Gen(Arbitraries.of(0.0, 0.25, 0.5, 0.9, 1.0).map(Val::of), Arbitraries.of(Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.0, 2.0, Double.MAX_VALUE, Double.MIN_VALUE,
                -0.0).map(Val::of));
    }

    private static Gen decimals() {
        return new Gen(Arbitraries.of("12.00", "0.50", "19.9", "1000", "0.0001", "7")
                .map(s -> Val.of(new BigDecimal(s))),
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Val.of(null))),
                        Tuple.of(5, Arbitraries.of(HOSTILE_DECIMALS).map(s -> Val.of(new BigDecimal(s))))));
    }

    // ---- time -------------------------------------------------------------------------------------------------------

    private static Gen instants(String name) {
        Arbitrary<Long> minutes = Arbitraries.longs().between(1, 60L * 24 * 90);
        Arbitrary<Val> valid = switch (name) {
            case "occurredAt", "from", "registeredFrom", "createdFrom" ->
                    minutes.map(m -> Val.of(FuzzWorld.START.minus(Duration.ofMinutes(m))));
            case "reminderAt" -> Arbitraries.longs().between(1, 60L * 24).map(m -> Val.of(FuzzWorld.START
                    .plus(Duration.ofMinutes(m))));
            case "dueAt", "validUntil", "to", "before", "registeredBefore", "createdBefore" ->
                    minutes.map(m -> Val.of(FuzzWorld.START.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(m))));
            default -> Arbitraries.longs().between(-60L * 24 * 30, 60L * 24 * 30)
                    .map(m -> Val.of(FuzzWorld.START.plus(Duration.ofMinutes(m))));
        };
        List<Instant> hostile = new ArrayList<>(FAR_INSTANTS);
        hostile.add(null);
        return new Gen(valid, indexed(hostile));
    }

    private static Gen dates(String name) {
        LocalDate today = LocalDate.ofInstant(FuzzWorld.START, ZoneOffset.UTC);
        Arbitrary<Val> valid = name.equals("dateOfBirth")
                ? Arbitraries.integers().between(0, 40_000).map(d -> Val.of(LocalDate.of(1910, 1, 1).plusDays(d)))
                : Arbitraries.integers().between(-60, 30).map(d -> Val.of(today.plusDays(d)));
        List<LocalDate> hostile = new ArrayList<>(FAR_DATES);
        hostile.add(null);
        return new Gen(valid, indexed(hostile));
    }

    // ---- containers -------------------------------------------------------------------------------------------------

    private static Gen list(Gen element, boolean set) {
        Function<List<Val>, Val> collect = items -> {
            String label = (set ? "set" : "list") + (items.size() > 5
                    ? "(" + items.size() + " x " + items.get(0) + ")" : items.toString());
            return Val.deferred(label, ctx -> {
                List<Object> made = new ArrayList<>(items.size());
                for (Val item : items) {
                    made.add(item.make(ctx));
                }
                return set ? new LinkedHashSet<>(made) : made;
            });
        };
        Arbitrary<Val> valid = element.valid().list().ofMinSize(1).ofMaxSize(3).map(collect);
        Arbitrary<Val> withNull = element.valid().list().ofMinSize(0).ofMaxSize(2).map(items -> {
            List<Val> with = new ArrayList<>(items);
            with.add(Val.of(null));
            return collect.apply(with);
        });
        Arbitrary<Val> huge = element.valid().map(one -> collect.apply(Collections.nCopies(HUGE_LIST, one)));
        return new Gen(valid, Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(Val.of(null))),
                Tuple.of(2, Arbitraries.just(collect.apply(List.of()))), Tuple.of(2, withNull), Tuple.of(1, huge),
                Tuple.of(4, element.any().list().ofMinSize(1).ofMaxSize(3).map(collect))));
    }

    private static Gen optional(Gen element) {
        Function<Val, Val> present = v -> Val.deferred("Optional[" + v + "]",
                ctx -> Optional.ofNullable(v.make(ctx)));
        return new Gen(Arbitraries.frequencyOf(Tuple.of(6, element.valid().map(present)),
                Tuple.of(2, Arbitraries.just(Val.of(Optional.empty()))), Tuple.of(2, Arbitraries.just(Val.of(null)))),
                element.hostile().map(present));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static Gen same(Arbitrary<Val> values) {
        return new Gen(values, values);
    }

    /** @return a value of the list (which may hold {@code null}), shrinking towards its first */
    static <T> Arbitrary<Val> indexed(List<T> values) {
        return Arbitraries.integers().between(0, values.size() - 1).map(i -> Val.of(values.get(i)));
    }

    /** Texts by the name of their field: what is valid for an email differs from what is for a SKU. */
    static final class Texts {
        private Texts() {
        }

        static Gen of(String name) {
            Arbitrary<Val> valid = valid(name);
            Arbitrary<Val> spliced = Combinators.combine(valid, Arbitraries.of(HOSTILE_PIECES),
                    Arbitraries.integers().between(0, 2)).as((v, piece, where) -> Val.deferred(
                            v + " with " + Val.quote(piece) + " " + List.of("before", "inside", "after").get(where),
                            ctx -> splice((String) v.make(ctx), piece, where)));
            List<String> wrong = wrong(name);
            return new Gen(valid, wrong.isEmpty()
                    ? Arbitraries.frequencyOf(Tuple.of(3, indexed(HOSTILE_TEXTS)), Tuple.of(2, spliced))
                    : Arbitraries.frequencyOf(Tuple.of(3, indexed(HOSTILE_TEXTS)), Tuple.of(2, spliced),
                            Tuple.of(2, indexed(wrong))));
        }

        /** @return texts that keep the text rule but are no valid value of the field */
        private static List<String> wrong(String name) {
            return switch (name) {
                case "currency" -> List.of("XXX", "ABC", "EURO", "\u20AC", "eu", "E U R");
                case "countryCode" -> List.of("XX", "Germany", "GBR", "g b");
                case "zone" -> List.of("Mars/Base", "GMT+25", "+25:00", "Europe/Nowhere", "../../etc/passwd");
                case "phone" -> List.of("12345", "+0 123", "phone", "+44 20 7946 0000 ext 12", "+" + "1".repeat(16));
                case "tag" -> List.of("bad tag!", "a".repeat(51), "tag/with/slash");
                case "role" -> List.of("ROOT", "admins", "SALES-REP");
                case "newPassword", "initialPassword", "password" -> List.of("password", "short", "Aa1!",
                        "alice@example.org", "x".repeat(129));
                case "email", "workEmail", "login" -> List.of("not-an-email", "a@b", "@example.org", "a@@example.org",
                        "a".repeat(65) + "@example.org", "x@" + "d".repeat(250) + ".org", "user@exa mple.org");
                case "sku" -> List.of("sku with space", "S".repeat(65), "-");
                case "idempotencyKey", "externalReference", "reference", "orderReference", "customerReference" ->
                        List.of("k".repeat(65), "k".repeat(201), "key\nnewline");
                case "cursor" -> List.of("AAAA", "eyJrIjoiIn0", "%%%", "null", "-1", "\u0000");
                default -> List.of();
            };
        }

        private static String splice(String text, String piece, int where) {
            if (text == null) {
                return piece;
            }
            return switch (where) {
                case 0 -> piece + text;
                case 1 -> text.substring(0, text.length() / 2) + piece + text.substring(text.length() / 2);
                default -> text + piece;
            };
        }

        private static Arbitrary<Val> valid(String name) {
            return switch (name) {
                case "firstName", "lastName" -> plain("Ada", "\u0141ukasz", "O'Brien", "Jos\u00E9", "Zo\u00EB",
                        "\u674E\u5C0F\u9F8D", "Ng\u0169g\u0129", "Anne-Marie", " Padded ", "Nguy\u1EC5n \uD83D\uDC69",
                        "\u0639\u0644\u064A", "Jo\u200Dhn", "e\u0301lodie", "a".repeat(100));
                case "email", "workEmail" -> Arbitraries.frequencyOf(
                        Tuple.of(6, fresh("u", "@example.org")), Tuple.of(2, fresh(" Mixed", "@Example.ORG ")),
                        Tuple.of(2, known("an existing email", (w, i) -> w.existing(FuzzWorld.Known.EMAIL, i))));
                case "login" -> Arbitraries.frequencyOf(
                        Tuple.of(8, inCall("a known login", (ctx, i) -> {
                            ctx.login = ctx.world.existing(FuzzWorld.Known.LOGIN, i);
                            return ctx.login;
                        })), Tuple.of(2, fresh("nobody", "@example.org")));
                case "password", "currentPassword" -> Arbitraries.frequencyOf(
                        Tuple.of(8, inCall("the login's password", (ctx, i) -> ctx.world.passwordOf(
                                ctx.login != null ? ctx.login : ctx.actorLogin))),
                        Tuple.of(2, plain("wrong-Passw0rd!", "Correct-Horse-Battery-9")));
                case "newPassword", "initialPassword" -> Arbitraries.frequencyOf(
                        Tuple.of(7, fresh("Str0ng-Pass-", "-horse!")),
                        Tuple.of(3, plain("\uD83D\uDD11".repeat(12) + "-Kk9",
                                "Long-Enough-Passphrase-With-Spaces in it 42")));
                case "phone" -> Arbitraries.frequencyOf(Tuple.of(6, fresh("+44 20 7946 ", "")),
                        Tuple.of(2, plain("+1 (415) 555-0100", "0041-44-668-18-00", "+49.30.901820")));
                case "externalReference", "reference", "orderReference", "customerReference" ->
                        Arbitraries.frequencyOf(Tuple.of(6, fresh("REF-", "")),
                                Tuple.of(3, known("an existing reference",
                                        (w, i) -> w.existing(FuzzWorld.Known.REFERENCE, i))),
                                Tuple.of(1, plain(" REF-padded ", "ref with spaces")));
                case "sku" -> Arbitraries.frequencyOf(
                        Tuple.of(5, known("an existing SKU", (w, i) -> w.existing(FuzzWorld.Known.SKU, i))),
                        Tuple.of(4, fresh("SKU-", "")), Tuple.of(1, fresh(" sku-", " ")));
                case "idempotencyKey" -> Arbitraries.frequencyOf(Tuple.of(7, fresh("KEY-", "")),
                        Tuple.of(3, known("a used key", (w, i) -> w.existing(FuzzWorld.Known.KEY, i))));
                case "token" -> Arbitraries.frequencyOf(
                        Tuple.of(7, known("an issued token", (w, i) -> w.existing(FuzzWorld.Known.TOKEN, i))),
                        Tuple.of(3, plain("not-a-token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")));
                case "cursor" -> Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(Val.of(null))),
                        Tuple.of(4, known("a cursor seen", (w, i) -> w.existing(FuzzWorld.Known.CURSOR, i))),
                        Tuple.of(1, plain("AAAA")));
                case "currency" -> plain("EUR", "EUR", "EUR", "eur", " EUR ", "USD", "GBP");
                case "countryCode" -> plain("GB", "DE", "us", " FR ");
                case "country" -> plain("GB", "DE", "us", " FR ", "Germany", "United Kingdom");
                case "postalCode" -> plain("LS1 4AP", "10115", "75001", " 8001 ");
                case "line1", "line2", "city", "region" -> plain("1 Main St", "Flat 2", "Leeds", "West Yorkshire",
                        "Z\u00FCrich", "\u6771\u4EAC", " Padded Lane ");
                case "tag" -> plain("vip", "newsletter-2026", "VIP ", "gold.member", "a_b");
                case "role" -> plain(Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new));
                case "zone" -> plain("UTC", "Europe/London", "+02:00", "America/New_York", " Asia/Tokyo ");
                case "category" -> plain("hardware", "billing", " Hardware ", "Billing \u2013 refunds");
                case "action" -> plain("customer.register", "ticket.submit", "loyalty.redeem");
                case "targetType" -> plain("customer", "ticket", "quote");
                case "actorRef" -> plain("fuzz-world", "system", "00000000-0000-0000-0000-000000000000");
                case "source" -> plain("webshop", "store", " shop ");
                case "systemName" -> plain("nightly-import", "crm-sync", " padded job ", "j\u00F6b-\u2615",
                        "x".repeat(64));
                case "sourceAddress" -> plain("203.0.113.9", "2001:db8::1", "localhost");
                case "userAgent" -> plain("Mozilla/5.0 (X11; Linux x86_64)", "curl/8.0");
                case "name" -> Arbitraries.frequencyOf(Tuple.of(6, fresh("Name ", "")),
                        Tuple.of(4, plain("Caf\u00E9 \u2615", " Padded ", "\u05E9\u05DC\u05D5\u05DD", "Z".repeat(100),
                                "Sales & Support")));
                case "text", "title", "subject", "outcome", "company" -> plain("Ada", "Printer on fire",
                        "Caf\u00E9 \u2615 \uD835\uDD18", " padded ",
                        "\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD",
                        "price \u200F100\u200F", "A & B <b>", "\uD83D\uDDA8\uFE0F printer", "Acme Ltd.");
                default -> plain("Hello", "Line one\nline two", "\tindented", "Caf\u00E9 \u2615 \uD835\uDD18 ok",
                        " padded ", "\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD", "a\r\nb",
                        "price \u200F100\u200F", "\uD83D\uDDA8\uFE0F printer", "x".repeat(500));
            };
        }

        private static Arbitrary<Val> plain(String... values) {
            return Arbitraries.of(values).map(Val::of);
        }

        private static Arbitrary<Val> fresh(String prefix, String suffix) {
            return Arbitraries.just(Val.deferred(Val.quote(prefix + "<n>" + suffix),
                    ctx -> prefix + ctx.world.next() + suffix));
        }

        private static Arbitrary<Val> known(String what, BiFunction<FuzzWorld, Integer, String> pick) {
            return Arbitraries.integers().between(0, 999).map(i -> Val.deferred(what + " #" + i,
                    ctx -> pick.apply(ctx.world, i)));
        }

        private static Arbitrary<Val> inCall(String what, CtxPick pick) {
            return Arbitraries.integers().between(0, 999).map(i -> Val.deferred(what + " #" + i,
                    ctx -> pick.apply(ctx, i)));
        }

        /** Picks a text of the running call's world. */
        @FunctionalInterface
        private interface CtxPick {
            String apply(Ctx ctx, int index);
        }
    }
}
