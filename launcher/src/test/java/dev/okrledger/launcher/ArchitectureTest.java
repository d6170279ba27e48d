package dev.okrledger.launcher;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.springframework.http.ProblemDetail;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module boundaries of docs/architecture.md, as tests. */
@AnalyzeClasses(packages = "dev.okrledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule servicesNeverImportEachOther_command = noClasses()
            .that()
            .resideInAPackage("dev.okrledger.command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.okrledger.query..", "dev.okrledger.notifier..");

    @ArchTest
    static final ArchRule servicesNeverImportEachOther_query = noClasses()
            .that()
            .resideInAPackage("dev.okrledger.query..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.okrledger.command..", "dev.okrledger.notifier..");

    @ArchTest
    static final ArchRule servicesNeverImportEachOther_notifier = noClasses()
            .that()
            .resideInAPackage("dev.okrledger.notifier..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.okrledger.command..", "dev.okrledger.query..");

    @ArchTest
    static final ArchRule contractHasNoSpringNoAxonNoKafka = noClasses()
            .that()
            .resideInAPackage("dev.okrledger.contract..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.axonframework..",
                    "org.apache.kafka..",
                    "dev.okrledger.command..",
                    "dev.okrledger.query..",
                    "dev.okrledger.notifier..");

    @ArchTest
    static final ArchRule onlyTheCommandServiceUsesAxon = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.okrledger.query..",
                    "dev.okrledger.notifier..",
                    "dev.okrledger.intake..",
                    "dev.okrledger.support..",
                    "dev.okrledger.security..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.axonframework..");

    @ArchTest
    static final ArchRule commandAggregatesDoNoIo = noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Controller")
            .and()
            .haveSimpleNameNotEndingWith("Handler")
            .and()
            .resideInAnyPackage(
                    "dev.okrledger.command.cycle..",
                    "dev.okrledger.command.objective..",
                    "dev.okrledger.command.keyresult..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.jdbc..", "org.springframework.kafka..", "java.net.http..", "javax.sql..");

    /** One problem vocabulary: only service-support makes a ProblemDetail or gives it a type. */
    @ArchTest
    static final ArchRule problemsAreBuiltOnlyInServiceSupport = noClasses()
            .that()
            .resideOutsideOfPackage("dev.okrledger.support.problem..")
            .should()
            .callMethodWhere(
                    target(owner(assignableTo(ProblemDetail.class))).and(target(nameMatching("forStatus.*|setType"))))
            .because("problems are built by dev.okrledger.support.problem.Problems (docs/architecture.md)");

    @ArchTest
    static final ArchRule servicesDoNotDependOnTheLauncher = noClasses()
            .that()
            .resideOutsideOfPackage("dev.okrledger.launcher..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.okrledger.launcher..");

    /** Every class here is the product (the launcher's class path holds all of it); the tools drive it from outside. */
    @ArchTest
    static final ArchRule theProductNeverDependsOnTheTools = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.okrledger.tools..")
            .because("the benchmark and the fault suite are not part of the product (decision 0042)");

    @ArchTest
    static final ArchRule launcherPackagesHaveNoCycles = slices().assignedFrom(packagesUnder("dev.okrledger.launcher"))
            .should()
            .beFreeOfCycles();

    /**
     * One slice per package directly under {@code root}, and the root package one more: the pattern
     * {@code root.(*)..} alone leaves the root's classes out, and a cycle through them would pass.
     */
    static SliceAssignment packagesUnder(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (name.equals(root)) {
                    return SliceIdentifier.of(root);
                }
                if (!name.startsWith(root + ".")) {
                    return SliceIdentifier.ignore();
                }
                return SliceIdentifier.of(
                        root + "." + name.substring(root.length() + 1).split("\\.")[0]);
            }

            @Override
            public String getDescription() {
                return root + " and each package under it";
            }
        };
    }
}
