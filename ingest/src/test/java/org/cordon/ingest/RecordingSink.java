package org.cordon.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cordon.core.ingest.Connector;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.RecordSink;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;

/** A sink that keeps everything in order, for tests to look at. */
final class RecordingSink implements RecordSink {
  final List<Object> events = new ArrayList<>();

  @Override
  public void accept(ParsedRecord record) {
    events.add(record);
  }

  @Override
  public void reject(Rejection rejection) {
    events.add(rejection);
  }

  static RecordingSink read(Connector connector, String name, InputStream in) {
    RecordingSink sink = new RecordingSink();
    try (in) {
      connector.read(name, in, sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sink;
  }

  static RecordingSink read(Connector connector, String text) {
    return read(connector, "test-input", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  static RecordingSink read(Connector connector, byte[] bytes) {
    return read(connector, "test-input", new ByteArrayInputStream(bytes));
  }

  static RecordingSink readSample(Connector connector, String path) {
    InputStream in = RecordingSink.class.getResourceAsStream("/samples/" + path);
    return read(connector, path, Objects.requireNonNull(in, "no sample " + path));
  }

  List<ParsedRecord> records() {
    return events.stream().filter(ParsedRecord.class::isInstance).map(ParsedRecord.class::cast).toList();
  }

  List<Rejection> rejections() {
    return events.stream().filter(Rejection.class::isInstance).map(Rejection.class::cast).toList();
  }

  List<Observed> items() {
    return records().stream().flatMap(r -> r.items().stream()).toList();
  }

  List<Post> posts() {
    return items().stream().filter(Post.class::isInstance).map(Post.class::cast).toList();
  }

  List<Account> accounts() {
    return items().stream().filter(Account.class::isInstance).map(Account.class::cast).toList();
  }

  List<Media> media() {
    return items().stream().filter(Media.class::isInstance).map(Media.class::cast).toList();
  }

  List<Interaction> interactions() {
    return items().stream().filter(Interaction.class::isInstance).map(Interaction.class::cast).toList();
  }

  Post post(PostKey key) {
    return posts().stream().filter(p -> p.key().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no post " + key + " among " + posts().stream().map(Post::key).toList()));
  }

  Account account(AccountKey key) {
    return accounts().stream().filter(a -> a.key().equals(key)).reduce((first, second) -> first)
        .orElseThrow(() -> new AssertionError("no account " + key + " among " + accounts().stream().map(Account::key).toList()));
  }

  Media media(MediaKey key) {
    return media().stream().filter(m -> m.key().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no media " + key + " among " + media().stream().map(Media::key).toList()));
  }

  /** Kinds of events in order: "ok" for a parsed record, the reason's name for a rejection. */
  List<String> outline() {
    return events.stream().map(e -> e instanceof Rejection r ? r.reason().name() : "ok").toList();
  }
}
