package io.lpr.layout;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The folder tree reads as the pipeline only while no package reaches back into one that uses it: no
 * exception, the shaded jar's entry point included (it parses its own flags, without the CLI).
 */
class PackageCyclesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // udf's test helpers (the RTSP test server) reach the job's tests as a test jar: tests, not layout.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.lpr");

    @Test
    void noPackageCycles() {
        slices().matching("io.lpr.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("io.lpr.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
