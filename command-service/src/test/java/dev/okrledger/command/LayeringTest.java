package dev.okrledger.command;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.okrledger.command.access.Permissions;
import dev.okrledger.command.directory.Directory;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Optional;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The command side's domain stands on its own: aggregates, their entities, commands and command
 * handlers read without the web layer, Spring MVC or JDBC. Controllers live beside them (packages
 * by feature) and are the only classes there that speak HTTP. Aggregates and their entities decide
 * from their state and what their handler gives them, and do no I/O.
 */
@AnalyzeClasses(packages = "dev.okrledger.command", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String[] DOMAIN_PACKAGES = {
        "dev.okrledger.command.cycle..",
        "dev.okrledger.command.objective..",
        "dev.okrledger.command.keyresult..",
        "dev.okrledger.command.initiative..",
        "dev.okrledger.command.people..",
        "dev.okrledger.command.shared.."
    };

    private static final String[] WEB_OR_JDBC = {
        "..web..", "jakarta.servlet..", "java.sql..", "javax.sql..", "org.springframework.jdbc.."
    };

    /** A REST controller, or a request record declared inside one. */
    private static final DescribedPredicate<JavaClass> WEB_ADAPTERS =
            DescribedPredicate.describe("web adapters", LayeringTest::isOrSitsInAController);

    private static boolean isOrSitsInAController(JavaClass type) {
        for (Optional<JavaClass> c = Optional.of(type);
                c.isPresent();
                c = c.get().getEnclosingClass()) {
            if (c.get().isAnnotatedWith(RestController.class)) {
                return true;
            }
        }
        return false;
    }

    @ArchTest
    static final ArchRule aggregatesDoNotDependOnWebOrJdbc = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN_PACKAGES)
            .and(not(WEB_ADAPTERS))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(WEB_OR_JDBC);

    @ArchTest
    static final ArchRule onlyControllersUseTheWebLayer = noClasses()
            .that()
            .resideOutsideOfPackage("dev.okrledger.command.web..")
            .and(not(WEB_ADAPTERS))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.okrledger.command.web..");

    /** An aggregate or an entity of one: a class that rebuilds its state from events. */
    private static final DescribedPredicate<JavaClass> EVENT_SOURCED = DescribedPredicate.describe(
            "aggregates and their entities",
            type -> type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(EventSourcingHandler.class)));

    @ArchTest
    static final ArchRule aggregatesDoNoIo = noClasses()
            .that(EVENT_SOURCED)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "java.io..", "java.net..", "java.sql..", "javax.sql..")
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(Directory.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(Repository.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(Permissions.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(Clock.class);

    @ArchTest
    static final ArchRule sharedKernelKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("dev.okrledger.command.shared..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.okrledger.command.cycle..",
                    "dev.okrledger.command.objective..",
                    "dev.okrledger.command.keyresult..",
                    "dev.okrledger.command.initiative..",
                    "dev.okrledger.command.people..",
                    "dev.okrledger.command.directory..");

    /** Packages depend one way, each package a slice of its own (root and nested ones too). */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("dev.okrledger.(**)").should().beFreeOfCycles();
}
