package org.cordon.text.lexicon;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a lexicon:
 *
 * <pre>{@code
 * {"name": "demo", "version": 3, "digest": "…",
 *  "entries": [{"kind": "phrase", "term": "Pale Lantern Order", "language": "en", "weight": 0.45,
 *               "tier": "official_propaganda", "source": "…", "added_by": "…",
 *               "added_at": "2026-11-23T08:00:00Z", "note": "…"}]}
 * }</pre>
 *
 * Entry properties are the CSV columns. {@code version} and {@code digest} are optional on import;
 * a digest that does not match the entries is refused, since the file was then edited by hand or
 * damaged.
 */
final class JsonLexicon {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private JsonLexicon() {}

  static Lexicon read(String fallbackName, byte[] bytes) {
    Utf8Text.decode(fallbackName, bytes); // refuses bad UTF-8 with its line
    List<LexiconProblem> problems = new ArrayList<>();
    String name = fallbackName;
    long version = 1;
    Optional<String> digest = Optional.empty();
    List<LexiconEntry> entries = new ArrayList<>();
    Map<EntryKey, Integer> lineOfKey = new HashMap<>();
    try (JsonParser parser = MAPPER.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new LexiconException(fallbackName, List.of(LexiconProblem.at(line(parser.currentTokenLocation()),
            "a lexicon in JSON is one object with name, version and entries")));
      }
      boolean sawEntries = false;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String property = parser.currentName();
        JsonToken value = parser.nextToken();
        int line = line(parser.currentTokenLocation());
        switch (property) {
          case "name" -> {
            if (value == JsonToken.VALUE_STRING) {
              name = parser.getString();
            } else {
              problems.add(LexiconProblem.at(line, "name must be a string"));
            }
          }
          case "version" -> {
            if (value == JsonToken.VALUE_NUMBER_INT && parser.getLongValue() >= 1) {
              version = parser.getLongValue();
            } else {
              problems.add(LexiconProblem.at(line, "version must be a whole number from 1"));
              parser.skipChildren();
            }
          }
          case "digest" -> {
            if (value == JsonToken.VALUE_STRING) {
              digest = Optional.of(parser.getString());
            } else {
              problems.add(LexiconProblem.at(line, "digest must be a string of 64 hex digits"));
              parser.skipChildren();
            }
          }
          case "entries" -> {
            sawEntries = true;
            if (value != JsonToken.START_ARRAY) {
              problems.add(LexiconProblem.at(line, "entries must be an array of objects"));
              parser.skipChildren();
              continue;
            }
            readEntries(parser, entries, lineOfKey, problems);
          }
          default -> {
            problems.add(LexiconProblem.at(line, "unknown property '" + property + "'; known: name, version, digest,"
                + " entries"));
            parser.skipChildren();
          }
        }
      }
      if (!sawEntries) {
        problems.add(LexiconProblem.general("there is no entries array"));
      }
      if (parser.nextToken() != null) {
        problems.add(LexiconProblem.at(line(parser.currentTokenLocation()), "text after the lexicon object"));
      }
    } catch (JacksonException e) {
      TokenStreamLocation location = e.getLocation();
      String message = "not valid JSON: " + e.getOriginalMessage();
      problems.add(location == null || location.getLineNr() < 1 ? LexiconProblem.general(message)
          : LexiconProblem.at(location.getLineNr(), message));
    }
    if (!problems.isEmpty()) {
      throw new LexiconException(name, problems);
    }
    Lexicon lexicon = Lexicon.of(name, version, entries);
    if (digest.isPresent() && !digest.get().equalsIgnoreCase(lexicon.digest().hex())) {
      throw new LexiconException(name, List.of(LexiconProblem.general("the digest " + digest.get()
          + " does not match the entries (" + lexicon.digest().hex() + "); the file was changed after export."
          + " Remove the digest to accept the entries as they are")));
    }
    return lexicon;
  }

  private static void readEntries(JsonParser parser, List<LexiconEntry> entries, Map<EntryKey, Integer> lineOfKey,
      List<LexiconProblem> problems) {
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      int line = line(parser.currentTokenLocation());
      if (entries.size() + problems.size() >= CsvLexicon.MOST_ENTRIES) {
        problems.add(LexiconProblem.at(line, "more than " + CsvLexicon.MOST_ENTRIES + " entries"));
        parser.skipChildren();
        return;
      }
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        problems.add(LexiconProblem.at(line, "an entry must be an object"));
        parser.skipChildren();
        continue;
      }
      JsonNode node = parser.readValueAsTree();
      Map<String, String> fields = new LinkedHashMap<>();
      boolean usable = true;
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        JsonNode value = property.getValue();
        if (!EntryFields.COLUMNS.contains(property.getKey())) {
          problems.add(LexiconProblem.at(line, "unknown property '" + property.getKey() + "'; known: "
              + String.join(", ", EntryFields.COLUMNS)));
          usable = false;
        } else if (value.isString() || value.isNumber()) {
          fields.put(property.getKey(), value.isString() ? value.stringValue() : value.asString());
        } else if (!value.isNull()) {
          problems.add(LexiconProblem.at(line, property.getKey() + " must be a string or a number"));
          usable = false;
        }
      }
      if (!usable) {
        continue;
      }
      switch (EntryFields.parse(fields)) {
        case EntryFields.Refused refused -> problems.add(LexiconProblem.at(line, refused.problem()));
        case EntryFields.Accepted accepted -> {
          Integer earlier = lineOfKey.putIfAbsent(accepted.entry().key(), line);
          if (earlier != null) {
            problems.add(LexiconProblem.at(line, "repeats the entry on line " + earlier + ": both are "
                + accepted.entry().key() + "; keep one"));
          } else {
            entries.add(accepted.entry());
          }
        }
      }
    }
  }

  private static int line(TokenStreamLocation location) {
    return location == null ? 0 : location.getLineNr();
  }

  static byte[] write(Lexicon lexicon) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", lexicon.name());
    root.put("version", lexicon.version());
    root.put("digest", lexicon.digest().hex());
    var entries = root.putArray("entries");
    for (LexiconEntry entry : lexicon.entries()) {
      ObjectNode node = entries.addObject();
      List<String> values = EntryFields.values(entry);
      for (int i = 0; i < values.size(); i++) {
        String column = EntryFields.COLUMNS.get(i);
        if (column.equals("weight")) {
          node.put(column, entry.weight());
        } else if (!values.get(i).isEmpty()) {
          node.put(column, values.get(i));
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = MAPPER.writerWithDefaultPrettyPrinter().createGenerator(out)) {
      generator.writeTree(root);
    }
    return out.toByteArray();
  }
}
