package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code cairn appset preview -f FILE} on the homelab layout, read from the local checkout. */
class AppsetPreviewTest {
  private static final Path HOMELAB = Path.of("src/test/resources/up/homelab");
  private static final String REPO = "https://github.com/example-user/homelab.git";

  @Test
  void printsOneApplicationPerAppFolderWithTheGroupAsNamespace() {
    MainTest.Result result =
        MainTest.run(
            "appset",
            "preview",
            "-f",
            HOMELAB.resolve("k8s/sets/apps.yaml").toString(),
            "--git-alias",
            REPO + "=" + HOMELAB);

    assertThat(result.code()).isZero();
    assertThat(result.err()).contains("3 Application(s)");
    assertThat(result.out())
        .contains("apiVersion: argoproj.io/v1alpha1\nkind: Application\n")
        .contains("name: jellyfin", "name: homepage", "name: uptime")
        .contains("namespace: media", "namespace: tools")
        .contains("path: k8s/apps/media/jellyfin")
        .contains("argocd.argoproj.io/sync-wave: \"1\"")
        .doesNotContain("wip-sonarr");
  }

  @Test
  void aSetThatGeneratesNothingUsableIsOneClearError() {
    MainTest.Result result =
        MainTest.run(
            "appset", "preview", "-f", HOMELAB.resolve("k8s/bootstrap/root.yaml").toString());

    assertThat(result.code()).isNotZero();
    assertThat(result.err()).contains("holds no ApplicationSet");
  }
}
