package org.opdqueue.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;

import org.junit.jupiter.api.Test;

/**
 * The issue batch writes tokens with its own INSERT (TokenRows), so a column added to {@link Token} and not to that
 * statement would be silently lost for every token issued online (it happened: the SMS consent of issue 17).
 */
class TokenRowsTest {

    @Test
    void theBatchInsertWritesEveryColumnOfAToken() {
        Set<String> mapped = Arrays.stream(Token.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
                .filter(f -> !f.isAnnotationPresent(Transient.class) && !f.isAnnotationPresent(Id.class))
                .map(TokenRowsTest::column).collect(Collectors.toSet());
        Set<String> written = Arrays.stream(TokenRows.COLUMNS.split(",")).map(String::strip).collect(Collectors.toSet());

        assertThat(written).containsExactlyInAnyOrderElementsOf(mapped);
    }

    private static String column(Field field) {
        Column column = field.getAnnotation(Column.class);
        return column != null && !column.name().isEmpty() ? column.name() : field.getName();
    }
}
