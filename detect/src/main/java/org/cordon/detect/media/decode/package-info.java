/**
 * Decoding of untrusted image bytes with size, pixel and type checks:
 * {@link org.cordon.detect.media.decode.SafeImageDecoder}.
 */
package org.cordon.detect.media.decode;
