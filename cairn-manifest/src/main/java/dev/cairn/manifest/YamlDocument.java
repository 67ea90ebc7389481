package dev.cairn.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/** One document of a YAML stream, as a Jackson tree, with the place it starts at. */
public record YamlDocument(JsonNode content, Origin origin) {}
