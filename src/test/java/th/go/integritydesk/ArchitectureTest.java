package th.go.integritydesk;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Arrows one way. The feature packages follow a case through its life, each using only the kernels and the
 * stages before it:
 * <pre>
 *   web, process             shared kernels: HTTP (problems, CSRF, locale, staff user) and engine (model constants,
 *                            clock, Thai dates, task input, deadlines, the bilingual vocabulary); they use no
 *                            feature package
 *   identity                 staff, groups, case duties, segregation of duties      -> process, web
 *   storage                  sealed store and keys, H2's durable commits            -> process, web
 *   notification             mail to complainants and staff                         -> storage, process, web
 *   intake                   the complaint, its record, receipt, pages, identities  -> identity, notification, kernels
 *   screening                -> intake and below
 *   investigation            -> screening and below
 *   discipline               -> investigation and below
 *   closure                  -> discipline and below
 *   casefile                 the case file and its need-to-know rule                -> closure and below
 *   letters                  official letters, orders and the outgoing register     -> casefile and below
 *   reporting, gate          on top; nothing uses them (the gate answers Tasklist's comments from casefile)
 * </pre>
 */
@AnalyzeClasses(packages = "th.go.integritydesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ROOT = "th.go.integritydesk.";

  @ArchTest
  static final ArchRule noCyclesBetweenFeaturePackages = slices().matching(ROOT + "(*)..")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule eachPackageUsesOnlyThePackagesBelowIt = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .layer("web").definedBy(ROOT + "web..")
      .layer("process").definedBy(ROOT + "process..")
      .layer("identity").definedBy(ROOT + "identity..")
      .layer("storage").definedBy(ROOT + "storage..")
      .layer("notification").definedBy(ROOT + "notification..")
      .layer("intake").definedBy(ROOT + "intake..")
      .layer("screening").definedBy(ROOT + "screening..")
      .layer("investigation").definedBy(ROOT + "investigation..")
      .layer("discipline").definedBy(ROOT + "discipline..")
      .layer("closure").definedBy(ROOT + "closure..")
      .layer("casefile").definedBy(ROOT + "casefile..")
      .layer("letters").definedBy(ROOT + "letters..")
      .layer("reporting").definedBy(ROOT + "reporting..")
      .layer("gate").definedBy(ROOT + "gate..")
      .whereLayer("web").mayNotAccessAnyLayer()
      .whereLayer("process").mayNotAccessAnyLayer()
      .whereLayer("identity").mayOnlyAccessLayers("process", "web")
      .whereLayer("storage").mayOnlyAccessLayers("process", "web")
      .whereLayer("notification").mayOnlyAccessLayers("storage", "process", "web")
      .whereLayer("intake").mayOnlyAccessLayers("storage", "identity", "notification", "process", "web")
      .whereLayer("screening").mayOnlyAccessLayers("storage", "intake", "identity", "notification", "process", "web")
      .whereLayer("investigation").mayOnlyAccessLayers("storage", "screening", "intake", "identity", "notification", "process",
          "web")
      .whereLayer("discipline").mayOnlyAccessLayers("storage", "investigation", "screening", "intake", "identity",
          "notification", "process", "web")
      .whereLayer("closure").mayOnlyAccessLayers("storage", "discipline", "investigation", "screening", "intake", "identity",
          "notification", "process", "web")
      .whereLayer("casefile").mayOnlyAccessLayers("storage", "closure", "discipline", "investigation", "screening", "intake",
          "identity", "notification", "process", "web")
      .whereLayer("letters").mayOnlyAccessLayers("storage", "casefile", "closure", "discipline", "investigation",
          "screening", "intake", "identity", "notification", "process", "web")
      .whereLayer("reporting").mayOnlyAccessLayers("storage", "letters", "casefile", "closure", "discipline", "investigation", "screening", "intake",
          "identity", "notification", "process", "web")
      .whereLayer("gate").mayOnlyAccessLayers("casefile", "identity", "process", "web")
      .whereLayer("reporting").mayNotBeAccessedByAnyLayer()
      .whereLayer("gate").mayNotBeAccessedByAnyLayer();
}
