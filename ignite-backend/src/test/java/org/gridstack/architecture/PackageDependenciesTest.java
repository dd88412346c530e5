package org.gridstack.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteDataStreamer;
import org.gridstack.store.ArrayCatalog;
import org.gridstack.store.ChunkStore;
import org.gridstack.grid.IgniteInternals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backend's structure, checked on its compiled classes (ArchUnit reads their dependencies): packages form no
 * cycle, dependencies point one way through the layers the README's "Architecture" section describes, only the
 * chunk store and the catalog write Ignite caches, and only one adapter uses Ignite's internal API.
 */
class PackageDependenciesTest {
    private static JavaClasses backend;

    @BeforeAll
    static void importClasses() {
        backend = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.gridstack");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.gridstack.(**)").should().beFreeOfCycles().check(backend);
    }

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("base").definedBy("org.gridstack.base..")
                .layer("zarr format").definedBy("org.gridstack.zarr..")
                .layer("array").definedBy("org.gridstack.array..")
                .layer("sources").definedBy("org.gridstack.source..", "org.gridstack.sample..")
                .layer("telemetry").definedBy("org.gridstack.telemetry..")
                .layer("task stream view").definedBy("org.gridstack.taskstream..")
                .layer("grid nodes").definedBy("org.gridstack.grid..")
                .layer("store").definedBy("org.gridstack.store..")
                .layer("execution").definedBy("org.gridstack.exec..")
                .layer("shuffle").definedBy("org.gridstack.shuffle..")
                .layer("operations").definedBy("org.gridstack.ops..")
                .layer("facade").definedBy("org.gridstack")
                .whereLayer("facade").mayNotBeAccessedByAnyLayer()
                .whereLayer("operations").mayOnlyBeAccessedByLayers("facade")
                .whereLayer("shuffle").mayOnlyBeAccessedByLayers("operations", "facade")
                .whereLayer("execution").mayOnlyBeAccessedByLayers("shuffle", "operations", "facade")
                .whereLayer("store").mayOnlyBeAccessedByLayers("execution", "shuffle", "operations", "facade")
                .whereLayer("grid nodes").mayOnlyBeAccessedByLayers("store", "execution", "shuffle", "operations", "facade")
                .whereLayer("task stream view").mayNotBeAccessedByAnyLayer()
                .whereLayer("telemetry").mayOnlyBeAccessedByLayers("task stream view", "store", "execution", "shuffle", "operations", "facade")
                .whereLayer("sources").mayOnlyBeAccessedByLayers("operations", "facade")
                .whereLayer("array").mayOnlyBeAccessedByLayers("sources", "store", "execution", "shuffle", "operations", "facade")
                .check(backend);
    }

    @Test
    void onlyTheChunkStoreAndTheCatalogWriteCaches() {
        noClasses().that().doNotBelongToAnyOf(ChunkStore.class, ArrayCatalog.class)
                .should().callMethodWhere(target(owner(assignableTo(IgniteCache.class)))
                        .and(target(nameMatching("put.*|getAndPut.*|remove.*|getAndRemove.*|replace.*|getAndReplace.*|invoke.*|clear.*"))))
                .orShould().dependOnClassesThat().areAssignableTo(IgniteDataStreamer.class)
                .check(backend);
    }

    @Test
    void ignitesInternalApiOnlyThroughOneAdapter() {
        noClasses().that().doNotBelongToAnyOf(IgniteInternals.class)
                .should().dependOnClassesThat().resideInAPackage("org.apache.ignite.internal..")
                .check(backend);
    }
}
