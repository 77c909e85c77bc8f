/**
 * Cordon's domain: what sources observe ({@code model}), how observations arrive ({@code ingest}),
 * evidence ({@code evidence}), what detectors conclude ({@code signal}), what analysts work on and
 * decide ({@code triage}), what is sent to platforms ({@code request}) and the ports through which
 * the runners store all of it ({@code port}). This module depends on the JDK only.
 */
package org.cordon.core;
