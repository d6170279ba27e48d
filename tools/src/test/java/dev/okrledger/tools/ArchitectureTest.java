package dev.okrledger.tools;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The tools' packages as docs/architecture.md draws them: shared client code in one place, no cycle. */
@AnalyzeClasses(packages = "dev.okrledger.tools", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * {@code tools} (the command line), {@code benchmark}, {@code faults} and {@code client} never
     * depend on each other in a circle: what the benchmark and the fault suite share lives in client.
     */
    @ArchTest
    static final ArchRule toolPackagesHaveNoCycles =
            slices().assignedFrom(packagesUnder("dev.okrledger.tools")).should().beFreeOfCycles();

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
