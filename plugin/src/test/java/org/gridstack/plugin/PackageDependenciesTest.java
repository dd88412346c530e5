package org.gridstack.plugin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin's packages depend one way: commands on everything; ij1, io and imglib on pixels and the root package
 * (GridService) only, never on each other or on commands; pixels on the root package; the root package on none.
 */
class PackageDependenciesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("org.gridstack.plugin");
        assertTrue(classes.contain("org.gridstack.plugin.commands.GridZProject"), "imported the plugin's main classes");
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.gridstack.plugin.(**)").should().beFreeOfCycles().check(classes);
    }

    /** Lane code runs inside an ImageJ of its own class loader: it may touch nothing but ImageJ and the JDK. */
    @Test
    void laneCodeUsesOnlyImageJAndTheJdk() {
        classes().that().resideInAPackage("org.gridstack.plugin.macro.lane..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("org.gridstack.plugin.macro.lane..", "ij..", "java..", "javax.script..").check(classes);
    }

    @Test
    void layersDependDownwardOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("commands").definedBy("org.gridstack.plugin.commands..")
                .layer("scripting").definedBy("org.gridstack.plugin.scripting..")
                .layer("ij1").definedBy("org.gridstack.plugin.ij1..")
                .layer("io").definedBy("org.gridstack.plugin.io..")
                .layer("imglib").definedBy("org.gridstack.plugin.imglib..")
                .layer("pixels").definedBy("org.gridstack.plugin.pixels..")
                .layer("macro").definedBy("org.gridstack.plugin.macro..")
                .layer("service").definedBy("org.gridstack.plugin")
                .whereLayer("commands").mayNotBeAccessedByAnyLayer()
                .whereLayer("scripting").mayNotBeAccessedByAnyLayer()
                .whereLayer("ij1").mayOnlyBeAccessedByLayers("commands", "scripting")
                .whereLayer("io").mayOnlyBeAccessedByLayers("commands", "scripting")
                .whereLayer("imglib").mayOnlyBeAccessedByLayers("commands", "scripting")
                .whereLayer("pixels").mayOnlyBeAccessedByLayers("commands", "scripting", "ij1", "io", "imglib")
                .whereLayer("macro").mayOnlyBeAccessedByLayers("commands", "ij1", "scripting")
                .check(classes);
    }
}
