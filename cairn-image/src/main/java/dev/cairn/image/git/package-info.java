/**
 * One automation run against Git: {@link dev.cairn.image.git.UpdateCommitter} clones the source,
 * rewrites the markers under the update path, commits once with the given author and message, and
 * pushes without ever rewriting history (a rejected push is retried on the moved branch). JGit,
 * with the source's transport settings ({@code GitRemoteAccess}).
 */
package dev.cairn.image.git;
