/**
 * Known links: URLs in one canonical form ({@link org.cordon.detect.url.UrlCanonicalizer}, rules in
 * {@link org.cordon.detect.url.UrlRules}) matched against URL lists
 * ({@link org.cordon.detect.url.KnownUrlDetector}).
 */
package org.cordon.detect.url;
