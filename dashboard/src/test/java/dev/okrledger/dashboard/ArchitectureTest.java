package dev.okrledger.dashboard;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dashboard is a front of its own: it reaches the services through their HTTP APIs only, never
 * their code, and its packages depend on each other one way (decision 0041).
 */
@AnalyzeClasses(packages = "dev.okrledger.dashboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule importsNoService = noClasses()
            .that()
            .resideInAPackage("dev.okrledger.dashboard..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.okrledger.command..",
                    "dev.okrledger.query..",
                    "dev.okrledger.notifier..",
                    "dev.okrledger.intake..",
                    "dev.okrledger.launcher..",
                    "dev.okrledger.embedded..")
            .because("the dashboard may use the shared libraries (event-contract, service-support, "
                    + "service-security) and talks to the services over HTTP");

    /** Every package is a slice of its own, the root package (application, shared page parts) included. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().assignedFrom(new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                    return SliceIdentifier.of(javaClass.getPackageName());
                }

                @Override
                public String getDescription() {
                    return "one slice per package of the dashboard";
                }
            })
            .should()
            .beFreeOfCycles();
}
