package org.cordon.app;

import org.cordon.app.cli.CordonCommand;

/** The {@code cordon} command line. The launcher script builds and runs this. */
public final class CordonMain {
  private CordonMain() {}

  public static void main(String[] args) {
    // PDFBox (orders, evidence packages, reports) keeps a font cache in the home directory unless
    // told otherwise; a police workstation's home is not the place for it.
    if (System.getProperty("pdfbox.fontcache") == null) {
      System.setProperty("pdfbox.fontcache", System.getProperty("java.io.tmpdir") + "/cordon-pdfbox");
    }
    System.exit(CordonCommand.commandLine().execute(args));
  }
}
