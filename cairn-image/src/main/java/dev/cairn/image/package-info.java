/** Image automation: registry scans, tag policies, marker rewrites, commit and push. */
package dev.cairn.image;
