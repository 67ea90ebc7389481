package dev.cairn.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.artifact.SourceKey;
import dev.cairn.testkit.git.TestPgpKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Commits and tags signed by JGit with keys generated here; fetched over file://. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureVerificationIT {
  @TempDir static Path temp;
  private TestPgpKey trusted;
  private TestPgpKey stranger;
  private Git git;
  private String url;
  private ArtifactStore store;
  private GitFetcher fetcher;
  private RevCommit signedHead;

  @BeforeAll
  void buildHistory() throws Exception {
    trusted = TestPgpKey.generate("Trusted <trusted@cairn.dev>");
    stranger = TestPgpKey.generate("Stranger <stranger@cairn.dev>");
    Path work = temp.resolve("work");
    git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call();
    url = work.toUri().toString();

    commit(work, "a.yaml", "unsigned", null, "main");
    git.tag().setName("v0.1.0").setAnnotated(true).setMessage("unsigned tag").call();
    commit(work, "a.yaml", "by stranger", stranger, "main");
    git.tag()
        .setName("v0.2.0")
        .setMessage("stranger's tag")
        .setSigned(true)
        .setSigner(stranger)
        .setSigningKey("stranger")
        .call();
    signedHead = commit(work, "a.yaml", "by trusted", trusted, "main");
    git.tag()
        .setName("v1.0.0")
        .setMessage("trusted tag")
        .setSigned(true)
        .setSigner(trusted)
        .setSigningKey("trusted")
        .call();
    git.branchCreate().setName("stranger").setStartPoint("v0.2.0^{commit}").call();
    git.branchCreate().setName("unsigned").setStartPoint("v0.1.0^{commit}").call();

    store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    fetcher = new GitFetcher(temp.resolve("cache"), store);
  }

  @AfterAll
  void close() {
    git.close();
  }

  private RevCommit commit(Path work, String file, String content, TestPgpKey key, String branch)
      throws Exception {
    Files.writeString(work.resolve(file), content);
    git.add().addFilepattern(file).call();
    var command = git.commit().setMessage(content).setSign(key != null);
    if (key != null) {
      command.setSigner(key).setSigningKey("key");
    }
    return command.call();
  }

  private GitSourceSpec spec(GitRef ref, VerifySpec.Mode mode, TestPgpKey... keys) {
    List<String> armored = java.util.Arrays.stream(keys).map(TestPgpKey::armoredPublicKey).toList();
    return GitSourceSpec.of(url).withRef(ref).withVerify(VerifySpec.of(mode, armored));
  }

  private static SourceKey key(String name) {
    return new SourceKey("gitrepository", "default", name);
  }

  @Test
  void signedHeadVerifies() throws Exception {
    GitFetchResult result =
        fetcher.fetch(key("head"), spec(GitRef.ofBranch("main"), VerifySpec.Mode.HEAD, trusted));
    assertThat(result.commit()).isEqualTo(signedHead.name());
  }

  @Test
  void signedTagAndHeadVerify() throws Exception {
    GitFetchResult result =
        fetcher.fetch(
            key("tagandhead"), spec(GitRef.ofTag("v1.0.0"), VerifySpec.Mode.TAG_AND_HEAD, trusted));
    assertThat(result.revision()).isEqualTo("v1.0.0@sha1:" + signedHead.name());
  }

  @Test
  void semverWithTagModeVerifiesTheChosenTag() throws Exception {
    GitFetchResult result =
        fetcher.fetch(
            key("semvertag"), spec(GitRef.ofSemver(">=1.0.0"), VerifySpec.Mode.TAG, trusted));
    assertThat(result.revision()).startsWith("v1.0.0@");
  }

  @Test
  void unsignedCommitIsNeverArchived() {
    assertRefused(
        "unsigned",
        spec(GitRef.ofBranch("unsigned"), VerifySpec.Mode.HEAD, trusted),
        "is not signed");
  }

  @Test
  void commitSignedByAnUntrustedKeyIsRefused() {
    assertRefused(
        "stranger",
        spec(GitRef.ofBranch("stranger"), VerifySpec.Mode.HEAD, trusted),
        "not among the trusted keys");
  }

  @Test
  void tagSignedByAnUntrustedKeyIsRefused() {
    assertRefused(
        "strangertag",
        spec(GitRef.ofTag("v0.2.0"), VerifySpec.Mode.TAG, trusted),
        "not among the trusted keys");
  }

  @Test
  void unsignedAnnotatedTagIsRefused() {
    assertRefused(
        "unsignedtag",
        spec(GitRef.ofTag("v0.1.0"), VerifySpec.Mode.TAG, trusted, stranger),
        "is not signed");
  }

  @Test
  void trustingTheStrangerMakesItsCommitVerify() throws Exception {
    GitFetchResult result =
        fetcher.fetch(
            key("trustall"),
            spec(GitRef.ofBranch("stranger"), VerifySpec.Mode.HEAD, trusted, stranger));
    assertThat(result.revision()).startsWith("stranger@sha1:");
  }

  @Test
  void tamperedPayloadDoesNotVerify() throws Exception {
    byte[] payload = SignatureVerifier.withoutSignatureHeader(signedHead.getRawBuffer());
    OpenPgpKeys keys = OpenPgpKeys.parse(List.of(trusted.armoredPublicKey()));
    keys.verify(payload, signedHead.getRawGpgSignature(), "commit");
    payload[payload.length - 2] ^= 1;
    assertThatThrownBy(() -> keys.verify(payload, signedHead.getRawGpgSignature(), "commit"))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.getMessage()).contains("does not match its content"));
  }

  private void assertRefused(String name, GitSourceSpec spec, String why) {
    assertThatThrownBy(() -> fetcher.fetch(key(name), spec))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SourceReason.INVALID_COMMIT_SIGNATURE);
              assertThat(e.reason().conditionReason()).isEqualTo("InvalidCommitSignature");
              assertThat(e.getMessage()).contains(why);
            });
    try {
      assertThat(store.current(key(name))).isEmpty();
    } catch (SourceException e) {
      throw new AssertionError(e);
    }
  }
}
