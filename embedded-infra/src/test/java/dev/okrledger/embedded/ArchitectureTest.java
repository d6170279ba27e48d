package dev.okrledger.embedded;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module's own architecture rules. Packages depend one way: a cycle between two of them is the
 * first sign of a concept that is missing or in the wrong place.
 */
@AnalyzeClasses(packages = "dev.okrledger.embedded", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Every package of the module is a slice of its own, its root and nested ones too, as
     * {@code package-cycles} sees them (only the module's classes are imported, so only they form slices).
     */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("dev.okrledger.(**)").should().beFreeOfCycles();
}
