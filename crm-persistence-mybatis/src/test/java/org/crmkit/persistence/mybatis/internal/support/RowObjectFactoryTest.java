package org.crmkit.persistence.mybatis.internal.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.reflection.ReflectionException;
import org.junit.jupiter.api.Test;

/** The row records' factory: package-private records built by their constructor, anything else left to MyBatis. */
class RowObjectFactoryTest {
    /** Package-private, as the adapter's row records are. */
    record Sample(String name, long count) {
    }

    private final RowObjectFactory factory = new RowObjectFactory();

    @Test
    void buildsAPackagePrivateRecordWithItsConstructorEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThat(factory.create(Sample.class, List.of(String.class, long.class), List.of("a", (long) i)))
                    .isEqualTo(new Sample("a", i));
        }
    }

    @Test
    void leavesInterfacesAndNoArgumentCreationToMyBatis() {
        Object created = factory.create(List.class);
        assertThat(created).isInstanceOf(ArrayList.class);
    }

    @Test
    void aConstructorThatDoesNotExistOrArgumentsThatDoNotFitAreReflectionErrors() {
        assertThatThrownBy(() -> factory.create(Sample.class, List.of(String.class), List.of("a")))
                .isInstanceOf(ReflectionException.class).hasMessageContaining("Sample");
        assertThatThrownBy(() -> factory.create(Sample.class, List.of(String.class, long.class), List.of("a", "b")))
                .isInstanceOf(ReflectionException.class).hasMessageContaining("Sample");
    }

    @Test
    void aNullColumnForAPrimitiveParameterIsAReflectionErrorNotAZero() {
        List<Object> args = new ArrayList<>();
        args.add("a");
        args.add(null);
        assertThatThrownBy(() -> factory.create(Sample.class, List.of(String.class, long.class), args))
                .isInstanceOf(ReflectionException.class);
    }
}
