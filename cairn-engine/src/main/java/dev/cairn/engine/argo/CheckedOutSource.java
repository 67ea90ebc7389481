package dev.cairn.engine.argo;

import dev.cairn.api.argo.ApplicationSource;
import java.nio.file.Path;

/**
 * One source of an Application, fetched and unpacked.
 *
 * @param source the source as the spec gives it
 * @param root where it is unpacked: the repository root, or the chart directory for a chart of a
 *     Helm repository
 * @param revision the commit (40 hex) or the chart version
 */
record CheckedOutSource(ApplicationSource source, Path root, String revision) {}
