package org.crmkit.persistence.mybatis.internal.support;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a row record, which {@link MultiRowInsert} and {@link MultiRowUpdate} write: one per component, in
 * declaration order, named as the component in snake case ({@code balanceAfter} is {@code balance_after}). So the
 * record is the one place that names a table's written columns, and the mapper XML's column fragments are held to it
 * ({@code MapperColumnsTest}). A column the record does not name (a generated column) is never written.
 *
 * <p>A component that is itself a record stands for that record's columns, in its place: a row that opens an account
 * is the account's row and the id of the opening. Values are read through the components' accessors as method
 * handles, looked up once per record type: a bulk insert reads every value of hundreds of thousands of rows.
 */
public final class RowColumns {
    private static final MethodType READ = MethodType.methodType(Object.class, Object.class);

    private RowColumns() {
    }

    /**
     * @param type a row record
     * @return the names of its columns, in the order of its components
     * @throws IllegalArgumentException when the type is not a record, or a column name is not a plain identifier
     */
    public static List<String> names(Class<? extends Record> type) {
        return of(type).stream().map(MultiRowInsert.Column::name).toList();
    }

    /**
     * @param component a record component's name
     * @return the column's name: the component's in snake case ({@code customerId} is {@code customer_id})
     */
    static String columnName(String component) {
        StringBuilder name = new StringBuilder(component.length() + 4);
        for (char c : component.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    /**
     * @param type a row record whose every column is of a type {@link MultiRows} binds
     * @param <R>  the row record
     * @return its columns, each reading its value from a row
     * @throws IllegalArgumentException when the type is not a record, a column name is not a plain identifier or a
     *                                  column's type cannot be bound
     */
    static <R> List<MultiRowInsert.Column<R>> of(Class<R> type) {
        List<MultiRowInsert.Column<R>> columns = new ArrayList<>();
        add(columns, type, MethodHandles.identity(Object.class));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no columns");
        }
        return List.copyOf(columns);
    }

    /** Adds the columns of a record that {@code path} reads from the row, as {@code (Object) Object}. */
    private static <R> void add(List<MultiRowInsert.Column<R>> columns, Class<?> type, MethodHandle path) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException("not a record: " + type.getName());
        }
        for (RecordComponent component : type.getRecordComponents()) {
            MethodHandle read = MethodHandles.filterReturnValue(path, accessor(component.getAccessor()));
            Class<?> valueType = component.getType();
            if (valueType.isRecord()) {
                add(columns, valueType, read);
            } else if (MultiRows.binds(valueType)) {
                columns.add(new MultiRowInsert.Column<>(columnName(component.getName()), row -> value(read, row)));
            } else {
                throw new IllegalArgumentException("no binding for " + valueType.getName() + " ("
                        + type.getSimpleName() + "." + component.getName() + ")");
            }
        }
    }

    /** @return the accessor as {@code (Object) Object}: its receiver cast, a primitive value boxed */
    private static MethodHandle accessor(Method accessor) {
        try {
            // the row records are package-private in their area's package
            accessor.setAccessible(true);
            return MethodHandles.lookup().unreflect(accessor).asType(READ);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + accessor, e);
        }
    }

    private static Object value(MethodHandle read, Object row) {
        try {
            return (Object) read.invokeExact(row);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            // an accessor declares no checked exception
            throw new IllegalStateException(e);
        }
    }
}
