package dev.cairn.testkit.cluster;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one {@link TestCluster} per test class (simulated, or the real cluster of
 * {@code KUBECONFIG}), injected into test, lifecycle and constructor parameters of that type and
 * closed after the class.
 *
 * <pre>{@code
 * @ExtendWith(ClusterExtension.class)
 * class ApplyIT {
 *   @Test
 *   void applies(TestCluster cluster) { ... }
 * }
 * }</pre>
 */
public final class ClusterExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ClusterExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cluster(context);
  }

  private static TestCluster cluster(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(TestCluster.class, key -> TestCluster.forClass(), TestCluster.class);
  }
}
