package org.ethnicunity.platform;

import org.ethnicunity.platform.engine.RuleViolation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The modules' boundaries, for every top-level package of the application as found on the class
 * path (not a hand-kept list): each is classified below, and a package that is not fails
 * {@link #everyModuleIsClassified()} until it is. From the bottom up:
 * <ul>
 *   <li><b>shared</b>: what every process builds on (the contract, the engine, the registry, forms,
 *       mail, security, the pages' base, the launcher that starts members of a launch, ...);</li>
 *   <li><b>lifecycles</b>: one package per process over a unit's title; they use shared modules and
 *       never each other (a hand-over between them goes through the receiving process's start contract,
 *       kept in {@code contract});</li>
 *   <li><b>views</b>: pages over one or more lifecycles that no module uses (the public notice of
 *       nominations);</li>
 *   <li><b>demo</b>: the demo data, which nothing uses.</li>
 * </ul>
 * The root package ({@code BusinessClock}, {@code RuleViolation}, ...) counts as shared. No two
 * modules depend on each other in a cycle.
 */
class ModuleBoundariesTest {

    static final String ROOT = "org.ethnicunity.platform";
    /** The root package's own classes: shared. */
    private static final String ROOT_MODULE = "";

    private enum Kind { SHARED, LIFECYCLE, VIEW, DEMO }

    private static final Map<String, Kind> MODULES = Map.ofEntries(
            Map.entry(ROOT_MODULE, Kind.SHARED),
            Map.entry("contract", Kind.SHARED),
            Map.entry("engine", Kind.SHARED),
            Map.entry("database", Kind.SHARED),
            Map.entry("security", Kind.SHARED),
            Map.entry("web", Kind.SHARED),
            Map.entry("forms", Kind.SHARED),
            Map.entry("mail", Kind.SHARED),
            Map.entry("indicators", Kind.SHARED),
            Map.entry("registry", Kind.SHARED),
            Map.entry("deadlines", Kind.SHARED),
            Map.entry("attachments", Kind.SHARED),
            Map.entry("reports", Kind.SHARED),
            // Used by the annual review, the re-inspection and report requests to start their members.
            Map.entry("launcher", Kind.SHARED),
            Map.entry("nomination", Kind.LIFECYCLE),
            Map.entry("annualreview", Kind.LIFECYCLE),
            Map.entry("reinspection", Kind.LIFECYCLE),
            Map.entry("exit", Kind.LIFECYCLE),
            Map.entry("reportrequest", Kind.LIFECYCLE),
            // The title's expiry: a process of its own over titles, used by no other module.
            Map.entry("expiry", Kind.LIFECYCLE),
            // The public notice pages of nominations: reads the nomination, used by no module.
            Map.entry("publicnotice", Kind.VIEW),
            Map.entry("demo", Kind.DEMO));

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void everyModuleIsClassified() {
        Set<String> unclassified = new TreeSet<>(modulesOnTheClassPath());
        unclassified.removeAll(MODULES.keySet());
        assertThat(unclassified).as("top-level packages that ModuleBoundariesTest.MODULES does not classify: add each "
                + "as SHARED, LIFECYCLE, VIEW or DEMO (see its comment) so that its boundaries are checked").isEmpty();
    }

    @Test
    void sharedModulesDependOnNoLifecycleViewOrDemo() {
        noClasses().that().resideInAnyPackage(packagesOf(Kind.SHARED))
                .should().dependOnClassesThat().resideInAnyPackage(packagesOf(Kind.LIFECYCLE, Kind.VIEW, Kind.DEMO))
                .because("shared modules are what the processes build on").check(CLASSES);
    }

    @Test
    void lifecyclesDoNotDependOnEachOtherNorOnViews() {
        for (String lifecycle : modulesOf(Kind.LIFECYCLE)) {
            String[] others = Arrays.stream(modulesOf(Kind.LIFECYCLE, Kind.VIEW, Kind.DEMO))
                    .filter(m -> !m.equals(lifecycle)).map(ModuleBoundariesTest::packageOf).toArray(String[]::new);
            noClasses().that().resideInAPackage(packageOf(lifecycle)).should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("a hand-over between processes goes through the receiving process's start contract (package contract)")
                    .allowEmptyShould(true).check(CLASSES);
        }
    }

    @Test
    void noModuleDependsOnAViewOrTheDemoData() {
        for (String module : modulesOf(Kind.VIEW, Kind.DEMO)) {
            noClasses().that().resideOutsideOfPackage(packageOf(module)).should().dependOnClassesThat()
                    .resideInAPackage(packageOf(module)).allowEmptyShould(true).check(CLASSES);
        }
    }

    @Test
    void modulesAreFreeOfCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** The first package segment under the root of every application class; the root's own classes give "". */
    static Set<String> modulesOnTheClassPath() {
        return CLASSES.stream().map(JavaClass::getPackageName).filter(p -> p.equals(ROOT) || p.startsWith(ROOT + "."))
                .map(p -> p.equals(ROOT) ? ROOT_MODULE : p.substring(ROOT.length() + 1).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String[] modulesOf(Kind... kinds) {
        Set<Kind> wanted = Set.of(kinds);
        return new TreeMap<>(MODULES).entrySet().stream().filter(e -> wanted.contains(e.getValue())).map(Map.Entry::getKey)
                .toArray(String[]::new);
    }

    private static String[] packagesOf(Kind... kinds) {
        return Arrays.stream(modulesOf(kinds)).map(ModuleBoundariesTest::packageOf).toArray(String[]::new);
    }

    /** ArchUnit's pattern of a module: its package and sub-packages; the root's own classes only. */
    private static String packageOf(String module) {
        return module.equals(ROOT_MODULE) ? ROOT : ROOT + "." + module + "..";
    }
}
