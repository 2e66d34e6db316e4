package org.crmkit.core.internal.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.crmkit.core.shared.ConflictException;

/**
 * One table of an in-memory adapter: rows by key, unique indexes, optimistic versions, and undo on rollback, all
 * inside the {@link InMemoryUnitOfWork}. The repositories of the in-memory adapter are thin mappings onto it, so every
 * one of them enforces uniqueness and versions the way the MySQL schema does.
 *
 * @param <K> the key type
 * @param <R> the row type (an immutable snapshot)
 */
final class InMemoryTable<K, R> {
    private final InMemoryUnitOfWork unitOfWork;
    private final String type;
    private final Function<R, K> key;
    private final ToLongFunction<R> version;
    private final UnaryOperator<R> nextVersion;
    private final List<Unique<R>> uniques = new ArrayList<>();
    private final Map<K, R> rows = new HashMap<>();

    /**
     * @param unitOfWork  the transactions this table takes part in
     * @param type        the kind of row, as named in conflicts
     * @param key         the row's key
     * @param version     the row's version, or {@code null} for rows that are never updated
     * @param nextVersion the row one version on, or {@code null} for rows that are never updated
     */
    InMemoryTable(InMemoryUnitOfWork unitOfWork, String type, Function<R, K> key, ToLongFunction<R> version,
                  UnaryOperator<R> nextVersion) {
        this.unitOfWork = unitOfWork;
        this.type = type;
        this.key = key;
        this.version = version;
        this.nextVersion = nextVersion;
    }

    /**
     * Declares a unique index; a {@code null} value is not indexed (like SQL).
     *
     * @param field the field named in a duplicate conflict
     * @param value the indexed value of a row
     * @return this table
     */
    InMemoryTable<K, R> unique(String field, Function<R, ?> value) {
        uniques.add(new Unique<>(field, row -> {
            Object v = value.apply(row);
            return v == null ? List.of() : List.of(v);
        }));
        return this;
    }

    /**
     * Declares a unique index over values a row holds several of (such as its children's references): no value may
     * appear in two rows.
     *
     * @param field  the field named in a duplicate conflict
     * @param values the indexed values of a row
     * @return this table
     */
    InMemoryTable<K, R> uniqueEach(String field, Function<R, List<?>> values) {
        uniques.add(new Unique<>(field, values));
        return this;
    }

    void insert(R row) {
        unitOfWork.inTransaction(() -> {
            K k = key.apply(row);
            if (rows.containsKey(k)) {
                throw ConflictException.duplicate(type, "id", null);
            }
            requireUnique(k, row);
            rows.put(k, row);
            unitOfWork.onRollback(() -> rows.remove(k));
        });
    }

    /**
     * Stores a changed row if the stored one is still at the row's version; the stored row moves one version on.
     *
     * @param row the changed row, carrying the version it was loaded at
     */
    void update(R row) {
        unitOfWork.inTransaction(() -> {
            K k = key.apply(row);
            R current = rows.get(k);
            if (current == null || version.applyAsLong(current) != version.applyAsLong(row)) {
                throw ConflictException.staleVersion(type, k, version.applyAsLong(row));
            }
            requireUnique(k, row);
            rows.put(k, nextVersion.apply(row));
            unitOfWork.onRollback(() -> rows.put(k, current));
        });
    }

    /**
     * Replaces a row without a version check (conditional updates such as "mark used if unused").
     *
     * @param k       the key
     * @param when    the condition the stored row must meet
     * @param change  the new row
     * @return whether a row met the condition and was replaced
     */
    boolean replaceIf(K k, Predicate<R> when, UnaryOperator<R> change) {
        return unitOfWork.inTransaction(() -> {
            R current = rows.get(k);
            if (current == null || !when.test(current)) {
                return false;
            }
            R changed = change.apply(current);
            requireUnique(k, changed);
            rows.put(k, changed);
            unitOfWork.onRollback(() -> rows.put(k, current));
            return true;
        });
    }

    void delete(K k) {
        unitOfWork.inTransaction(() -> {
            R current = rows.remove(k);
            if (current != null) {
                unitOfWork.onRollback(() -> rows.put(k, current));
            }
        });
    }

    Optional<R> get(K k) {
        return unitOfWork.inTransaction(() -> Optional.ofNullable(rows.get(k)));
    }

    /** @param filter a condition @return the matching rows, in no particular order */
    List<R> where(Predicate<R> filter) {
        return unitOfWork.inTransaction(() -> rows.values().stream().filter(filter).toList());
    }

    private void requireUnique(K k, R row) {
        for (Unique<R> unique : uniques) {
            List<?> values = unique.values.apply(row);
            if (values.isEmpty()) {
                continue;
            }
            for (Map.Entry<K, R> other : rows.entrySet()) {
                if (!other.getKey().equals(k)
                        && unique.values.apply(other.getValue()).stream().anyMatch(values::contains)) {
                    throw ConflictException.duplicate(type, unique.field, null);
                }
            }
        }
    }

    private record Unique<R>(String field, Function<R, List<?>> values) {
    }
}
