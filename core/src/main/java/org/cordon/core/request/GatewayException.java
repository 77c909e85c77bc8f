package org.cordon.core.request;

/** Delivery failed after the gateway's retries; the request stays unsent and can be sent again. */
public class GatewayException extends Exception {
  private static final long serialVersionUID = 1L;

  public GatewayException(String message, Throwable cause) {
    super(message, cause);
  }

  public GatewayException(String message) {
    super(message);
  }
}
