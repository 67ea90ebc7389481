/**
 * Pull requests for image updates pushed to their own branch: {@link
 * dev.cairn.image.pullrequest.PullRequestHost} is the one-method-per-action port, {@link
 * dev.cairn.image.pullrequest.GitHubPullRequests} speaks GitHub's REST API (also GitHub Enterprise
 * and compatible stand-ins through the base URL). Tokens never reach messages.
 */
package dev.cairn.image.pullrequest;
