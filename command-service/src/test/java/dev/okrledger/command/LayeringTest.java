package dev.okrledger.command;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The command side's domain stands on its own: aggregates, their entities, commands and command
 * handlers read without the web layer, Spring MVC or JDBC. Controllers live beside them (packages
 * by feature) and are the only classes there that speak HTTP.
 */
@AnalyzeClasses(packages = "dev.okrledger.command", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String[] DOMAIN_PACKAGES = {"dev.okrledger.command.cycle..", "dev.okrledger.command.objective..",
            "dev.okrledger.command.keyresult..", "dev.okrledger.command.initiative..", "dev.okrledger.command.people..",
            "dev.okrledger.command.shared.."};

    private static final String[] WEB_OR_JDBC = {"..web..", "jakarta.servlet..", "java.sql..", "javax.sql..",
            "org.springframework.jdbc.."};

    /** A REST controller, or a request record declared inside one. */
    private static final DescribedPredicate<JavaClass> WEB_ADAPTERS = DescribedPredicate.describe("web adapters",
            LayeringTest::isOrSitsInAController);

    private static boolean isOrSitsInAController(JavaClass type) {
        for (Optional<JavaClass> c = Optional.of(type); c.isPresent(); c = c.get().getEnclosingClass()) {
            if (c.get().isAnnotatedWith(RestController.class)) {
                return true;
            }
        }
        return false;
    }

    @ArchTest
    static final ArchRule aggregatesDoNotDependOnWebOrJdbc = noClasses()
            .that().resideInAnyPackage(DOMAIN_PACKAGES).and(not(WEB_ADAPTERS))
            .should().dependOnClassesThat().resideInAnyPackage(WEB_OR_JDBC);

    @ArchTest
    static final ArchRule onlyControllersUseTheWebLayer = noClasses()
            .that().resideOutsideOfPackage("dev.okrledger.command.web..").and(not(WEB_ADAPTERS))
            .should().dependOnClassesThat().resideInAPackage("dev.okrledger.command.web..");

    @ArchTest
    static final ArchRule sharedKernelKnowsNoFeature = noClasses()
            .that().resideInAPackage("dev.okrledger.command.shared..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.okrledger.command.cycle..",
                    "dev.okrledger.command.objective..", "dev.okrledger.command.keyresult..",
                    "dev.okrledger.command.initiative..", "dev.okrledger.command.people..", "dev.okrledger.command.directory..");
}
