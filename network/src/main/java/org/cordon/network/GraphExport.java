package org.cordon.network;

import java.io.Writer;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an analysed graph for Gephi and other tools, as GEXF 1.3 or GraphML, with the attributes
 * platform, language, community, pagerank, core, flagged and standing on every node and the weight
 * on every edge. StAX escapes markup; characters XML 1.0 cannot carry at all (controls, lone
 * surrogates), which hostile handles may hold, are replaced by U+FFFD first.
 */
public final class GraphExport {
  private static final String GEXF_NS = "http://gexf.net/1.3";
  private static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";

  private GraphExport() {}

  public static void gexf(NetworkAnalysis analysis, Writer out) {
    GraphSnapshot graph = analysis.graph();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("gexf");
      xml.writeDefaultNamespace(GEXF_NS);
      xml.writeAttribute("version", "1.3");
      xml.writeStartElement("graph");
      xml.writeAttribute("defaultedgetype", "directed");
      xml.writeStartElement("attributes");
      xml.writeAttribute("class", "node");
      String[][] attributes = {
          {"platform", "string"}, {"language", "string"}, {"community", "integer"}, {"pagerank", "double"},
          {"core", "integer"}, {"flagged", "boolean"}, {"standing", "string"}};
      for (int i = 0; i < attributes.length; i++) {
        xml.writeEmptyElement("attribute");
        xml.writeAttribute("id", Integer.toString(i));
        xml.writeAttribute("title", attributes[i][0]);
        xml.writeAttribute("type", attributes[i][1]);
      }
      xml.writeEndElement();
      xml.writeStartElement("nodes");
      for (int v = 0; v < graph.nodes(); v++) {
        xml.writeStartElement("node");
        xml.writeAttribute("id", "n" + v);
        xml.writeAttribute("label", clean(graph.account(v).toString()));
        xml.writeStartElement("attvalues");
        String[] values = nodeValues(analysis, v);
        for (int i = 0; i < values.length; i++) {
          xml.writeEmptyElement("attvalue");
          xml.writeAttribute("for", Integer.toString(i));
          xml.writeAttribute("value", clean(values[i]));
        }
        xml.writeEndElement();
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeStartElement("edges");
      Csr g = graph.out();
      int id = 0;
      for (int u = 0; u < g.nodes; u++) {
        for (int i = g.offsets[u]; i < g.offsets[u + 1]; i++) {
          xml.writeEmptyElement("edge");
          xml.writeAttribute("id", "e" + id++);
          xml.writeAttribute("source", "n" + u);
          xml.writeAttribute("target", "n" + g.targets[i]);
          xml.writeAttribute("weight", Float.toString(g.weights[i]));
        }
      }
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write GEXF: " + e.getMessage(), e);
    }
  }

  public static void graphml(NetworkAnalysis analysis, Writer out) {
    GraphSnapshot graph = analysis.graph();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("graphml");
      xml.writeDefaultNamespace(GRAPHML_NS);
      String[][] keys = {
          {"account", "string"}, {"platform", "string"}, {"language", "string"}, {"community", "int"},
          {"pagerank", "double"}, {"core", "int"}, {"flagged", "boolean"}, {"standing", "string"}};
      for (String[] key : keys) {
        xml.writeEmptyElement("key");
        xml.writeAttribute("id", key[0]);
        xml.writeAttribute("for", "node");
        xml.writeAttribute("attr.name", key[0]);
        xml.writeAttribute("attr.type", key[1]);
      }
      xml.writeEmptyElement("key");
      xml.writeAttribute("id", "weight");
      xml.writeAttribute("for", "edge");
      xml.writeAttribute("attr.name", "weight");
      xml.writeAttribute("attr.type", "double");
      xml.writeStartElement("graph");
      xml.writeAttribute("id", "accounts");
      xml.writeAttribute("edgedefault", "directed");
      for (int v = 0; v < graph.nodes(); v++) {
        xml.writeStartElement("node");
        xml.writeAttribute("id", "n" + v);
        data(xml, "account", graph.account(v).toString());
        String[] values = nodeValues(analysis, v);
        for (int i = 0; i < values.length; i++) {
          data(xml, keys[i + 1][0], values[i]);
        }
        xml.writeEndElement();
      }
      Csr g = graph.out();
      for (int u = 0; u < g.nodes; u++) {
        for (int i = g.offsets[u]; i < g.offsets[u + 1]; i++) {
          xml.writeStartElement("edge");
          xml.writeAttribute("source", "n" + u);
          xml.writeAttribute("target", "n" + g.targets[i]);
          data(xml, "weight", Float.toString(g.weights[i]));
          xml.writeEndElement();
        }
      }
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write GraphML: " + e.getMessage(), e);
    }
  }

  private static void data(XMLStreamWriter xml, String key, String value) throws XMLStreamException {
    xml.writeStartElement("data");
    xml.writeAttribute("key", key);
    xml.writeCharacters(clean(value));
    xml.writeEndElement();
  }

  // platform, language, community, pagerank, core, flagged, standing
  private static String[] nodeValues(NetworkAnalysis analysis, int v) {
    GraphSnapshot graph = analysis.graph();
    Standing standing = graph.standing(v);
    return new String[] {
        graph.platform(v).name(), graph.language(v), Integer.toString(analysis.community(v)),
        String.format(Locale.ROOT, "%.8g", analysis.pageRank(v)), Integer.toString(analysis.coreNumber(v)),
        Boolean.toString(standing != Standing.UNMARKED), standing.name().toLowerCase(Locale.ROOT)};
  }

  /** Replaces what XML 1.0 cannot hold (controls other than tab and newlines, unpaired surrogates, U+FFFE/F). */
  static String clean(String text) {
    StringBuilder result = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)) {
        ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        if (ok) {
          if (result != null) {
            result.append(c).append(text.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else if (Character.isLowSurrogate(c)) {
        ok = false;
      } else {
        ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
      }
      if (!ok && result == null) {
        result = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (result != null) {
        result.append(ok ? c : '\uFFFD');
      }
    }
    return result == null ? text : result.toString();
  }
}
