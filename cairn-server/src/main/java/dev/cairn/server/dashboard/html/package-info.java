/**
 * The dashboard's HTML, rendered on the server: {@link dev.cairn.server.dashboard.html.Markup}
 * escapes every text and attribute value it is given, and the pages write only through it. No
 * inline script or style: behaviour lives in the static {@code cairn.js} and htmx attributes.
 */
package dev.cairn.server.dashboard.html;
