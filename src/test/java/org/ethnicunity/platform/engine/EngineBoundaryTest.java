package org.ethnicunity.platform.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Camunda's internals (the engine's, the REST API's and the web apps' {@code impl} packages) are used in
 * the {@code engine} package only: an engine upgrade then touches one package, whose use of them
 * {@link EngineInternalsTest} checks. Elsewhere the platform uses the engine's public API and the
 * engine package's facades ({@link Caller}, {@link EngineClock}, {@link CommandScope}, {@link ModelHook}, ...).
 */
class EngineBoundaryTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ethnicunity.platform");

    @Test
    void onlyTheEnginePackageUsesCamundaInternals() {
        noClasses().that().resideOutsideOfPackage("org.ethnicunity.platform.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..impl..")
                .because("Camunda's customisations live in org.ethnicunity.platform.engine (docs/architecture-engine.md)")
                .check(CLASSES);
    }
}
