package org.cordon.app.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.cordon.app.pipeline.IngestSummary;
import org.cordon.app.runtime.LivePipeline;
import org.cordon.ingest.Connectors;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Input pushed by feeds: the body is a file in the named format. It is archived, read, and the
 * new posts assessed before the answer, so a feed that gets 200 knows its input is safe.
 */
@RestController
@RequestMapping("/api/v1/ingest")
class IngestController {
  /** Larger inputs go through {@code cordon ingest} on files. */
  static final int MAX_BODY = 64 * 1024 * 1024;

  private final LivePipeline pipeline;

  IngestController(LivePipeline pipeline) {
    this.pipeline = pipeline;
  }

  @PostMapping(path = "/{format}", consumes = MediaType.ALL_VALUE)
  Map<String, Object> ingest(@PathVariable String format, @org.springframework.web.bind.annotation.RequestParam java.util.Optional<String> platform,
      @RequestBody byte[] body, Authentication who) throws IOException {
    if (body.length > MAX_BODY) {
      throw new IllegalArgumentException("the body is over " + MAX_BODY + " bytes; use 'cordon ingest' for large files");
    }
    var connector = platform.isPresent() ? Connectors.forFormat(format, new org.cordon.core.model.Platform(platform.get())) : Connectors.forFormat(format);
    IngestSummary s = pipeline.ingest(connector, "api:" + who.getName(), body);
    return Map.of("records", s.records(), "new_posts", s.written().newPosts(), "duplicate_posts", s.written().duplicatePosts(),
        "rejected", s.rejectedTotal(), "rejected_by_reason", s.rejected().entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(e -> e.getKey().name().toLowerCase(Locale.ROOT), Map.Entry::getValue)));
  }
}
