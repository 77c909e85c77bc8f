package org.cordon.referral.gateway.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server on loopback that answers each connection by a script, for the replies
 * GreenMail does not give (a busy server, a refused recipient). It speaks just enough SMTP for
 * Jakarta Mail: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  enum Behaviour {
    /** 421 at the greeting, then hang up. */
    BUSY,
    /** 550 to RCPT. */
    REJECT_RECIPIENT,
    /** 451 after the data: a transient failure once the message was sent. */
    FAIL_AFTER_DATA,
    /** Accepts the message. */
    ACCEPT
  }

  private final ServerSocket socket;
  private final Deque<Behaviour> script;
  private final Behaviour afterScript;
  private final Thread thread;
  final AtomicInteger connections = new AtomicInteger();
  final AtomicInteger accepted = new AtomicInteger();

  ScriptedSmtpServer(List<Behaviour> script, Behaviour afterScript) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.script = new ArrayDeque<>(script);
    this.afterScript = afterScript;
    this.thread = Thread.ofVirtual().start(this::serve);
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        connections.incrementAndGet();
        Behaviour behaviour;
        synchronized (script) {
          behaviour = script.isEmpty() ? afterScript : script.poll();
        }
        converse(connection, behaviour);
      } catch (IOException e) {
        if (!socket.isClosed()) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private void converse(Socket connection, Behaviour behaviour) throws IOException {
    connection.setSoTimeout(5000);
    BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = connection.getOutputStream();
    if (behaviour == Behaviour.BUSY) {
      reply(out, "421 scripted.example busy, try again later");
      return;
    }
    reply(out, "220 scripted.example ESMTP");
    for (String line; (line = in.readLine()) != null; ) {
      String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
      switch (verb) {
        case "EHLO", "HELO" -> reply(out, "250 scripted.example");
        case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
        case "RCPT" -> reply(out, behaviour == Behaviour.REJECT_RECIPIENT ? "550 5.1.1 no such mailbox" : "250 OK");
        case "DATA" -> {
          reply(out, "354 go ahead");
          for (String data; (data = in.readLine()) != null && !data.equals("."); ) {
            // swallow the message
          }
          if (behaviour == Behaviour.FAIL_AFTER_DATA) {
            reply(out, "451 4.3.0 local problem, try again");
          } else {
            accepted.incrementAndGet();
            reply(out, "250 2.0.0 queued as SCRIPTED1");
          }
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "502 not implemented");
      }
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
