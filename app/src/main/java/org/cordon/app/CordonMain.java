package org.cordon.app;

import org.cordon.app.cli.CordonCommand;

/** The {@code cordon} command line. The launcher script builds and runs this. */
public final class CordonMain {
  private CordonMain() {}

  public static void main(String[] args) {
    System.exit(CordonCommand.commandLine().execute(args));
  }
}
