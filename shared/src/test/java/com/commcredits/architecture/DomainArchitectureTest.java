package com.commcredits.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.commcredits", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

  @ArchTest
  static final ArchRule domainKnowsNothingOfAws =
      noClasses()
          .that()
          .resideInAPackage("com.commcredits.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "software.amazon..", "com.amazonaws..", "com.fasterxml.jackson..", "com.stripe..")
          .because("the domain is pure: adapters translate between it and AWS");

  @ArchTest
  static final ArchRule domainDoesNotReachIntoAdapters =
      noClasses()
          .that()
          .resideInAPackage("com.commcredits.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.commcredits.adapters..");
}
