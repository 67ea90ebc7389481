package dev.cairn.source.git;

import dev.cairn.source.SourceException;
import dev.cairn.source.SourceReason;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** Checks OpenPGP signatures of the fetched commit and tag before anything is archived. */
final class SignatureVerifier {
  private SignatureVerifier() {}

  static void verify(
      Repository repository,
      RevWalk walk,
      FetchPlan plan,
      RevCommit commit,
      VerifySpec spec,
      GitUrl url)
      throws SourceException {
    throw new SourceException(
        SourceReason.INVALID_COMMIT_SIGNATURE,
        "signature verification of "
            + plan.description()
            + " in "
            + url.display()
            + " is not supported yet; refusing to produce an unverified artifact");
  }
}
