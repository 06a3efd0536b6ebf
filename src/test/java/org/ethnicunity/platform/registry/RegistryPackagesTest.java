package org.ethnicunity.platform.registry;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.ethnicunity.platform.registry.excel.XlsxExport;
import org.junit.jupiter.api.Test;

/**
 * The registry's sub-packages (docs/registry.md) and the direction of their dependencies: other
 * modules use the top package (and the .xlsx writer); the pages and the API ({@code web}) sit on top
 * of everything, the Excel import ({@code excel}) and the state machine ({@code designation}) never
 * reach into the pages.
 */
class RegistryPackagesTest {

    private static final String TOP = "org.ethnicunity.platform.registry";
    private static final String WEB = TOP + ".web..";
    private static final String EXCEL = TOP + ".excel..";
    private static final String DESIGNATION = TOP + ".designation..";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ethnicunity.platform");

    @Test
    void otherModulesUseNeitherThePagesNorTheImports() {
        noClasses().that().resideOutsideOfPackage(TOP + "..").should().dependOnClassesThat()
                .resideInAPackage(WEB).because("the registry's pages and API are entry points, not a module's API")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage(TOP + "..").should().dependOnClassesThat(
                        resideInAPackage(EXCEL).and(not(belongToAnyOf(XlsxExport.class))))
                .because("of the Excel package only the .xlsx writer is shared (the report requests' workbook)")
                .check(CLASSES);
    }

    @Test
    void theImportsAndTheStateMachineDoNotReachIntoThePages() {
        noClasses().that().resideInAnyPackage(EXCEL, DESIGNATION).should().dependOnClassesThat().resideInAPackage(WEB)
                .check(CLASSES);
        noClasses().that().resideInAPackage(DESIGNATION).should().dependOnClassesThat().resideInAPackage(EXCEL)
                .check(CLASSES);
    }

    @Test
    void theTopPackageUsesThePagesOnlyFromTheDesignationPage() {
        // DesignationPage renders DesignationRecords' package-private records, so the two stay here for
        // now; they belong in web and take this exception with them when they move.
        noClasses().that().resideInAPackage(TOP).and(not(simpleName("DesignationPage")))
                .should().dependOnClassesThat().resideInAnyPackage(WEB, EXCEL).check(CLASSES);
    }
}
