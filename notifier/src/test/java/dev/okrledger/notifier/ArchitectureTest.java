package dev.okrledger.notifier;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The notifier's packages, as tests (the module boundaries are the launcher's ArchitectureTest). */
@AnalyzeClasses(packages = "dev.okrledger.notifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Every package of the module is a slice of its own, its root and nested ones too, as
     * {@code package-cycles} sees them (only the module's classes are imported, so only they form slices).
     */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("dev.okrledger.(**)").should().beFreeOfCycles();

    /** An event goes one way: tracking says what changed, the alert rules decide, webhooks follow the alerts. */
    @ArchTest
    static final ArchRule trackingKnowsNothingOfAlerts = noClasses()
            .that()
            .resideInAPackage("dev.okrledger.notifier.tracking..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.okrledger.notifier.alert..", "dev.okrledger.notifier.webhook..");

    @ArchTest
    static final ArchRule alertsKnowNothingOfWebhooks = noClasses()
            .that()
            .resideInAPackage("dev.okrledger.notifier.alert..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.okrledger.notifier.webhook..");
}
