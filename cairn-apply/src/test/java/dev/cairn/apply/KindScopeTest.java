package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KindScopeTest {

  static Stream<Arguments> cases() {
    Optional<Boolean> unknown = Optional.empty();
    return Stream.of(
        Arguments.of("served, no CRD in the set", unknown, Optional.of(true), scope(true, true)),
        Arguments.of("served cluster-scoped", unknown, Optional.of(false), scope(false, true)),
        Arguments.of(
            "the cluster's scope wins over the set's CRD",
            Optional.of(true),
            Optional.of(false),
            scope(false, true)),
        Arguments.of(
            "only the set's CRD knows it: not served yet",
            Optional.of(true),
            unknown,
            scope(true, false)),
        Arguments.of(
            "a cluster-scoped kind of the set's CRD",
            Optional.of(false),
            unknown,
            scope(false, false)),
        Arguments.of("nobody knows the kind", unknown, unknown, Optional.empty()));
  }

  private static Optional<KindScope> scope(boolean namespaced, boolean served) {
    return Optional.of(new KindScope(namespaced, served));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scopeComesFromDiscoveryElseFromTheSet(
      String name,
      Optional<Boolean> fromSet,
      Optional<Boolean> discovered,
      Optional<KindScope> expected) {
    assertThat(KindScope.of(fromSet, discovered)).isEqualTo(expected);
  }
}
