package org.cordon.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Platform;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GraphExportTest {
  // An id with markup, a quote, an ampersand, a right-to-left override and a lone surrogate.
  private static final AccountKey HOSTILE = AccountKey.of(Platform.X, "<b>\"x\"&\u202Eevil\uD800");

  private static NetworkAnalysis analysed() {
    AccountGraph graph = Graphs.barbell();
    graph.accept(new Interaction.Follow(HOSTILE, Graphs.account("a1"), Optional.empty()));
    graph.mark(Graphs.account("m"), Standing.FLAGGED);
    return NetworkAnalysis.of(Graphs.follows(graph), Map.of(), 16, 1);
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void gexfParsesAndHoldsEveryNodeEdgeAndAttribute() throws Exception {
    NetworkAnalysis analysis = analysed();
    StringWriter out = new StringWriter();

    GraphExport.gexf(analysis, out);
    Document document = parse(out.toString());

    NodeList nodes = document.getElementsByTagNameNS("http://gexf.net/1.3", "node");
    NodeList edges = document.getElementsByTagNameNS("http://gexf.net/1.3", "edge");
    assertThat(nodes.getLength()).isEqualTo(analysis.graph().nodes()).isEqualTo(12);
    assertThat(edges.getLength()).isEqualTo(analysis.graph().edges());
    boolean hostileKept = false;
    for (int i = 0; i < nodes.getLength(); i++) {
      String label = ((Element) nodes.item(i)).getAttribute("label");
      hostileKept |= label.equals("x:account:<b>\"x\"&\u202Eevil\uFFFD");
    }
    assertThat(hostileKept).as("the hostile id survives escaped, its lone surrogate replaced").isTrue();
    NodeList titles = document.getElementsByTagNameNS("http://gexf.net/1.3", "attribute");
    assertThat(titles.getLength()).isEqualTo(7);
    assertThat(out.toString()).contains("title=\"pagerank\"", "title=\"community\"", "title=\"core\"", "title=\"flagged\"");
  }

  @Test
  void graphmlParsesAndMarksTheFlaggedAccount() throws Exception {
    NetworkAnalysis analysis = analysed();
    StringWriter out = new StringWriter();

    GraphExport.graphml(analysis, out);
    Document document = parse(out.toString());

    String ns = "http://graphml.graphdrawing.org/xmlns";
    NodeList nodes = document.getElementsByTagNameNS(ns, "node");
    assertThat(nodes.getLength()).isEqualTo(12);
    assertThat(document.getElementsByTagNameNS(ns, "edge").getLength()).isEqualTo(analysis.graph().edges());
    int flagged = analysis.graph().nodeOf(Graphs.account("m")).orElseThrow();
    Element node = (Element) nodes.item(flagged);
    NodeList data = node.getElementsByTagNameNS(ns, "data");
    String flaggedValue = null;
    String account = null;
    for (int i = 0; i < data.getLength(); i++) {
      Element datum = (Element) data.item(i);
      if (datum.getAttribute("key").equals("flagged")) {
        flaggedValue = datum.getTextContent();
      }
      if (datum.getAttribute("key").equals("account")) {
        account = datum.getTextContent();
      }
    }
    assertThat(account).isEqualTo("x:account:m");
    assertThat(flaggedValue).isEqualTo("true");
  }

  @Test
  void cleaningKeepsSurrogatePairsAndReplacesLoneOnes() {
    assertThat(GraphExport.clean("a\uD83D\uDE00b")).isEqualTo("a\uD83D\uDE00b");
    assertThat(GraphExport.clean("a\uD83Db")).isEqualTo("a\uFFFDb");
    assertThat(GraphExport.clean("a\u0000b\uFFFE")).isEqualTo("a\uFFFDb\uFFFD");
  }

  @Test
  void accountsHaveNoRoleInExportBeyondTheirKey() {
    // Profiles are not exported: the graph file holds keys and measures, not personal data.
    AccountGraph graph = new AccountGraph(Bounding.everything());
    graph.accept(Account.minimal(Graphs.account("1"), "secret_handle"));
    Graphs.follow(graph, "1", "2");
    StringWriter out = new StringWriter();

    GraphExport.graphml(NetworkAnalysis.of(Graphs.follows(graph), Map.of(), 4, 1), out);

    assertThat(out.toString()).doesNotContain("secret_handle").contains("x:account:1");
  }
}
