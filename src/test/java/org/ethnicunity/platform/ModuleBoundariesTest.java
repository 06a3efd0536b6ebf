package org.ethnicunity.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The feature modules' boundaries: one package per lifecycle (nomination, later annualreview,
 * reinspection, exit) on top of shared modules (registry, indicators, deadlines, mail, forms,
 * security, web, reports). Shared modules never reach into a lifecycle, lifecycles never into each other,
 * nobody into the demo data, and no two packages depend on each other in a cycle.
 */
class ModuleBoundariesTest {

    private static final String[] LIFECYCLES = {"..nomination..", "..annualreview..", "..reinspection..", "..exit..",
            "..reportrequest.."};
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ethnicunity.platform");

    @Test
    void sharedModulesDoNotDependOnLifecycles() {
        noClasses().that().resideInAnyPackage("..registry..", "..indicators..", "..deadlines..", "..mail..",
                        "..forms..", "..security..", "..web..", "..database..", "..attachments..", "..reports..")
                .should().dependOnClassesThat().resideInAnyPackage(LIFECYCLES)
                .check(CLASSES);
    }

    @Test
    void lifecyclesDoNotDependOnEachOther() {
        for (String lifecycle : LIFECYCLES) {
            String[] others = java.util.Arrays.stream(LIFECYCLES).filter(l -> !l.equals(lifecycle)).toArray(String[]::new);
            noClasses().that().resideInAPackage(lifecycle).should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true).check(CLASSES);
        }
    }

    @Test
    void nothingDependsOnTheDemoData() {
        noClasses().that().resideOutsideOfPackage("..demo..").should().dependOnClassesThat().resideInAPackage("..demo..")
                .check(CLASSES);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.ethnicunity.platform.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
