/** An HTTP server on 127.0.0.1 that records every request and answers as the test says. */
package dev.cairn.testkit.http;
