package org.cordon.referral.gateway.portal;

import java.nio.file.Path;
import java.util.Objects;
import org.cordon.core.model.Platform;

/**
 * Where requests for one platform's portal are written.
 *
 * @param outbox the directory an uploader (a person or a script) takes files from; it must exist
 */
public record PortalConfig(Platform platform, Path outbox) {
  public PortalConfig {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(outbox, "outbox");
    outbox = outbox.toAbsolutePath().normalize();
  }
}
