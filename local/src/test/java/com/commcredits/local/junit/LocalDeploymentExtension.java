package com.commcredits.local.junit;

import com.commcredits.local.Backend;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.emulator.EmbeddedEmulators;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.testcontainers.DockerClientFactory;

/**
 * Gives tests a {@link LocalDeployment} (as a constructor or method parameter) of the project's
 * template.yaml, started once per JVM and shared by every test class. The backend is chosen by the
 * system property {@value #BACKEND_PROPERTY}: {@code embedded} (default: DynamoDB Local, ElasticMQ
 * and the SES v2 emulator) or {@code localstack} (LocalStack through Testcontainers; the tests are
 * skipped where no Docker engine runs).
 *
 * <p>Use {@code @ExtendWith(LocalDeploymentExtension.class)}, or register {@link
 * #withOptions(LocalDeployment.Options)} for another template or stack; each distinct template and
 * stack name is deployed once per JVM, all onto the one shared backend.
 */
public final class LocalDeploymentExtension
    implements BeforeAllCallback,
        TestInstancePreConstructCallback,
        BeforeEachCallback,
        ParameterResolver {

  public static final String BACKEND_PROPERTY = "commcredits.it.backend";
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalDeploymentExtension.class);

  private final LocalDeployment.Options options;

  public LocalDeploymentExtension() {
    this(LocalDeployment.Options.defaults());
  }

  private LocalDeploymentExtension(LocalDeployment.Options options) {
    this.options = options;
  }

  public static LocalDeploymentExtension withOptions(LocalDeployment.Options options) {
    return new LocalDeploymentExtension(options);
  }

  /**
   * Deploys before the class's tests run. Without a backend, aborts here only if a class-level
   * method needs the deployment (its parameter could not be resolved later); otherwise each test
   * aborts on its own, so that reports list every test as skipped, with the reason.
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (sharedBackend(context).backend().isPresent() || classLevelMethodNeedsDeployment(context)) {
      deployment(context);
    }
  }

  @Override
  public void preConstructTestInstance(
      TestInstanceFactoryContext factoryContext, ExtensionContext context) {
    deployment(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    deployment(context);
  }

  private static boolean classLevelMethodNeedsDeployment(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    return Stream.of(BeforeAll.class, AfterAll.class)
        .flatMap(
            annotation ->
                AnnotationSupport.findAnnotatedMethods(
                    testClass, annotation, HierarchyTraversalMode.TOP_DOWN)
                    .stream())
        .anyMatch(method -> List.of(method.getParameterTypes()).contains(LocalDeployment.class));
  }

  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == LocalDeployment.class;
  }

  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return deployment(extensionContext);
  }

  private LocalDeployment deployment(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    SharedBackend shared = sharedBackend(context);
    Backend backend =
        shared
            .backend()
            .orElseGet(
                () -> {
                  Assumptions.abort(shared.unavailable());
                  throw new IllegalStateException("unreachable");
                });
    Path template = options.templatePath().toAbsolutePath().normalize();
    return store.getOrComputeIfAbsent(
        "deployment " + template + " " + options.stackName(),
        key -> LocalDeployment.start(options.withTemplate(template), backend),
        LocalDeployment.class);
  }

  private SharedBackend sharedBackend(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            SharedBackend.class, key -> SharedBackend.start(options), SharedBackend.class);
  }

  /** The backend of this JVM's tests, or why there is none. Closed with the root store. */
  private record SharedBackend(Optional<Backend> backend, String unavailable)
      implements AutoCloseable {

    static SharedBackend start(LocalDeployment.Options options) {
      String kind = System.getProperty(BACKEND_PROPERTY, "embedded");
      switch (kind) {
        case "embedded":
          Path root = options.templatePath().toAbsolutePath().getParent();
          return new SharedBackend(
              Optional.of(
                  EmbeddedEmulators.start(
                      options.dynamoDbPort(), options.sqsPort(), options.sesPort(), root)),
              "");
        case "localstack":
          if (!DockerClientFactory.instance().isDockerAvailable()) {
            return new SharedBackend(
                Optional.empty(),
                "backend 'localstack' needs a Docker engine, and none is reachable here");
          }
          return new SharedBackend(Optional.of(LocalStackBackend.start()), "");
        default:
          throw new IllegalArgumentException(
              BACKEND_PROPERTY + " must be embedded or localstack, not " + kind);
      }
    }

    @Override
    public void close() {
      backend.ifPresent(Backend::close);
    }
  }
}
