package org.gridstack.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import org.apache.ignite.binary.BinaryType;
import org.gridstack.GridConnection;
import org.gridstack.array.ArrayMeta;
import org.gridstack.grid.ConnectOptions;
import org.gridstack.ops.recenter.CropWindows;
import org.gridstack.ops.recenter.RecenterRecipe;
import org.junit.jupiter.api.Test;

/** A server registers Grid Stack's binary types as it starts, so a fresh cluster's first operations do not wait for it. */
class BinaryTypesTest {
    @Test
    void aFreshClusterKnowsTheCatalogsTypesBeforeAnyArrayIsMade() {
        try (TestCluster cluster = TestCluster.start(1, Map.of());
             GridConnection connection = GridConnection.connect(ConnectOptions.to(cluster.addresses()))) {
            for (Class<?> type : new Class<?>[] {ArrayMeta.class, RecenterRecipe.class, CropWindows.class}) {
                BinaryType known = connection.ignite().binary().type(type);
                assertNotNull(known, type.getName() + " is not registered");
                assertEquals(type.getName(), known.typeName());
            }
        }
    }
}
