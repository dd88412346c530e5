package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.store.ArrayCatalog;
import org.junit.jupiter.api.Test;

/** Which making of an array the catalog holds: chunks made for any other are not stored. */
class ArrayCatalogTest {
    @Test
    void onlyTheMakingCatalogedUnderItsNameNowIsCurrent() {
        GridStack grid = TestGrid.grid();
        ArrayCatalog catalog = new ArrayCatalog(grid.ignite());
        ArrayMeta first = grid.open("catalog-current", new PatternSource(6, 8, 9, DataType.UINT8, 3, Set.of()), 2);
        assertTrue(catalog.isCurrent(first));
        ArrayMeta second = grid.overwriting().open("catalog-current", new PatternSource(6, 8, 9, DataType.UINT16, 3, Set.of()), 2);
        assertFalse(catalog.isCurrent(first), "replaced under the same name");
        assertTrue(catalog.isCurrent(second));
        ArrayMeta other = grid.open("catalog-other", new PatternSource(6, 8, 9, DataType.UINT8, 3, Set.of()), 2);
        assertTrue(catalog.isCurrent(other));
        grid.drop("catalog-current");
        assertFalse(catalog.isCurrent(second), "dropped");
        assertTrue(catalog.isCurrent(other));
        grid.drop("catalog-other");
    }
}
