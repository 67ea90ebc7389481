package dev.cairn.source.git;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Checks OpenPGP signatures before anything is archived, with Flux's modes: {@code HEAD} checks the
 * fetched commit, {@code Tag} the annotated tag, {@code TagAndHEAD} both. Tag modes need a tag or
 * semver reference. Any failure is INVALID_COMMIT_SIGNATURE and no artifact is produced.
 */
final class SignatureVerifier {
  private static final String BEGIN = "-----BEGIN PGP SIGNATURE-----";

  private SignatureVerifier() {}

  /**
   * Checks the signatures {@code spec.mode()} asks for; returns what was verified ({@code tag
   * 'v1.0.0' with key '<id>'}, {@code commit '<sha>' with key '<id>'}).
   */
  static List<String> verify(
      Repository repository,
      RevWalk walk,
      FetchPlan plan,
      RevCommit commit,
      VerifySpec spec,
      GitUrl url)
      throws SourceException, IOException {
    OpenPgpKeys keys = OpenPgpKeys.parse(spec.publicKeys());
    List<String> verified = new ArrayList<>();
    String where = " of " + plan.description() + " in " + url.display();
    if (spec.mode() != VerifySpec.Mode.HEAD) {
      RevTag tag = annotatedTag(repository, walk, plan, where);
      byte[] raw = tag.getRawBuffer();
      int start = indexOf(raw, BEGIN.getBytes(StandardCharsets.US_ASCII));
      if (start < 0) {
        throw unsigned("tag " + tag.getTagName() + where);
      }
      String key =
          keys.verify(
              java.util.Arrays.copyOfRange(raw, 0, start),
              java.util.Arrays.copyOfRange(raw, start, raw.length),
              "tag " + tag.getTagName() + where);
      verified.add("tag '" + tag.getTagName() + "' with key '" + key + "'");
    }
    if (spec.mode() != VerifySpec.Mode.TAG) {
      byte[] signature = commit.getRawGpgSignature();
      if (signature == null) {
        throw unsigned("commit " + commit.name() + where);
      }
      String key =
          keys.verify(
              withoutSignatureHeader(commit.getRawBuffer()),
              signature,
              "commit " + commit.name() + where);
      verified.add("commit '" + commit.name() + "' with key '" + key + "'");
    }
    return verified;
  }

  private static RevTag annotatedTag(
      Repository repository, RevWalk walk, FetchPlan plan, String where)
      throws IOException, SourceException {
    Ref ref = plan.localRef() == null ? null : repository.exactRef(plan.localRef());
    if (ref == null || !plan.localRef().startsWith("refs/tags/")) {
      throw new SourceException(
          SourceReason.INVALID_SPEC,
          "verify mode Tag needs a tag or semver reference, not" + where);
    }
    RevObject object = walk.parseAny(ref.getObjectId());
    if (!(object instanceof RevTag tag)) {
      throw unsigned("lightweight tag" + where + " (no tag object to sign)");
    }
    walk.parseBody(tag);
    return tag;
  }

  /** The commit as it was signed: its raw bytes without the {@code gpgsig} header. */
  static byte[] withoutSignatureHeader(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
    int position = 0;
    boolean inHeaders = true;
    boolean skipping = false;
    while (position < raw.length) {
      int end = position;
      while (end < raw.length && raw[end] != '\n') {
        end++;
      }
      int next = Math.min(end + 1, raw.length);
      if (inHeaders) {
        if (end == position) {
          inHeaders = false;
          skipping = false;
        } else if (skipping && raw[position] == ' ') {
          position = next;
          continue;
        } else {
          skipping = startsWith(raw, position, "gpgsig ");
        }
      }
      if (!skipping) {
        out.write(raw, position, next - position);
      }
      position = next;
    }
    return out.toByteArray();
  }

  private static boolean startsWith(byte[] raw, int at, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    if (at + p.length > raw.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (raw[at + i] != p[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static SourceException unsigned(String what) {
    return new SourceException(SourceReason.INVALID_COMMIT_SIGNATURE, what + " is not signed");
  }
}
