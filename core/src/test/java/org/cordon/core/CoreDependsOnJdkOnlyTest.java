package org.cordon.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CoreDependsOnJdkOnlyTest {
  @Test
  void coreImportsNoFrameworkNorJdbc() {
    JavaClasses core = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.cordon.core");

    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..", "javax.sql..",
            "tools.jackson..", "com.fasterxml..", "jakarta..", "org.postgresql..")
        .check(core);
  }
}
