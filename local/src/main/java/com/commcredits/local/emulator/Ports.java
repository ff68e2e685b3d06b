package com.commcredits.local.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port choice for the emulators: 0 stands for a free ephemeral port. */
final class Ports {

  private Ports() {}

  static int orFree(int port) {
    if (port != 0) {
      return port;
    }
    // The emulators must be told their port before they bind, so the socket is released first;
    // the short window in which another process could take it is accepted.
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
