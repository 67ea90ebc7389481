package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;

/** The HTTP status code and body of a successful write. */
record WriteResult(int code, JsonNode body) {}
