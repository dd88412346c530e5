package org.gridstack.plugin.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.gridstack.base.GridStackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one number parser, and the macro options reader, on their own. */
class NumberInputTest {
    @Test
    void wholeNumbersInAnyDecimalSpelling() {
        assertEquals(12, NumberInput.whole("k", "12", 0, 100));
        assertEquals(12, NumberInput.whole("k", " +12 ", 0, 100));
        assertEquals(-1, NumberInput.whole("k", "-1", -1, 100));
        assertEquals(2, NumberInput.whole("k", "2.000", 0, 100));
        assertEquals(1000, NumberInput.whole("k", "1e3", 0, 1000));
        assertEquals(50, NumberInput.whole("k", "0.5E2", 0, 100));
        assertEquals(Long.MAX_VALUE, NumberInput.whole("k", "9223372036854775807", Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(Long.MIN_VALUE, NumberInput.whole("k", "-9223372036854775808", Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "2.7", "0.5", "1e-3", "1e10", "101", "-1", "0x10", "1d", "1f", "NaN", "Infinity", "1,000", "1 2",
        "", " ", "--1", "1e", ".", "1e9999999999", "12abc"})
    void anythingElseFailsNamingKeyValueAndRange(String text) {
        GridStackException e = assertThrows(GridStackException.class, () -> NumberInput.whole("first", text, 0, 100));
        assertEquals("first (" + (text.isBlank() ? "blank" : text.trim()) + ") must be a whole number from 0 to 100", e.getMessage());
    }

    @Test
    void wholeNumbersBeyondLongFail() {
        GridStackException e = assertThrows(GridStackException.class,
                () -> NumberInput.whole("seed", "9223372036854775808", Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals("seed (9223372036854775808) must be a whole number from -9223372036854775808 to 9223372036854775807", e.getMessage());
    }

    @Test
    void realNumbers() {
        assertEquals(0.25, NumberInput.real("s", "0.25", 0, 1));
        assertEquals(-3e-4, NumberInput.real("s", "-3E-4", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertEquals("s (2) must be a number from 0 to 1",
                assertThrows(GridStackException.class, () -> NumberInput.real("s", "2", 0, 1)).getMessage());
        assertEquals("s (x) must be a number of at least 0.5",
                assertThrows(GridStackException.class, () -> NumberInput.real("s", "x", 0.5, Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("s (1e400) must be a finite number",
                assertThrows(GridStackException.class, () -> NumberInput.real("s", "1e400", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).getMessage());
    }

    @Test
    void macroOptionsAreReadAsImageJWritesThem() {
        Map<String, String> given = MacroOptions.parse("name=em path=[/data/run 1/a [b].tif] title='x y'  show ",
                List.of("name", "path", "title", "show", "other"));
        assertEquals("em", given.get("name"));
        assertEquals("/data/run 1/a [b].tif", given.get("path"));
        assertEquals("x y", given.get("title"));
        assertEquals(true, given.containsKey("show"));
        assertEquals(null, given.get("show"));
        assertEquals(false, given.containsKey("other"));
        assertEquals(List.of("name", "path", "title", "show"), List.copyOf(given.keySet()));
    }

    @Test
    void aKeyInsideABracketedValueIsPartOfTheValue() {
        // ImageJ's Macro.getValue would find "name=" inside the path and answer "x]"
        Map<String, String> given = MacroOptions.parse("path=[/data/name=x] name=em", List.of("name", "path"));
        assertEquals("em", given.get("name"));
        assertEquals("/data/name=x", given.get("path"));
    }

    @Test
    void malformedOptionsFail() {
        List<String> keys = List.of("name", "path");
        assertEquals("unknown key 'nam' (the keys are: name, path)",
                assertThrows(GridStackException.class, () -> MacroOptions.parse("nam=em", keys)).getMessage());
        assertEquals("name is given twice",
                assertThrows(GridStackException.class, () -> MacroOptions.parse("name=a path=b name=c", keys)).getMessage());
        assertEquals("path: the value's quote (') is not closed in \"path='a b\"",
                assertThrows(GridStackException.class, () -> MacroOptions.parse("path='a b", keys)).getMessage());
        assertEquals("unknown key 'x' (this command takes no keys)",
                assertThrows(GridStackException.class, () -> MacroOptions.parse("x=1", List.of())).getMessage());
    }
}
