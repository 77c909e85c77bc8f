package org.cordon.detect.media.pdq;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cordon.detect.media.decode.DecodeLimits;
import org.cordon.detect.media.decode.DecodeResult;
import org.cordon.detect.media.decode.SafeImageDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cordon hash FILE...}: prints one {@code hash,quality,path} line per image, as Meta's
 * reference tool does, decoding through {@link SafeImageDecoder}. Files it cannot decode go to
 * standard error with the reason. Exit code 0 when every file was hashed, 1 otherwise.
 */
@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    description = "Print the PDQ hash and quality of each image as hash,quality,path.")
public final class HashCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Image files (JPEG, PNG, GIF, WebP, BMP).")
  private List<Path> files = new ArrayList<>();

  @Option(names = "--max-bytes", description = "Refuse files larger than this (default: ${DEFAULT-VALUE}).")
  private long maxBytes = DecodeLimits.DEFAULT.maxBytes();

  @Option(names = "--max-pixels", description = "Refuse images with more pixels than this (default: ${DEFAULT-VALUE}).")
  private long maxPixels = DecodeLimits.DEFAULT.maxPixels();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SafeImageDecoder decoder = new SafeImageDecoder(new DecodeLimits(maxBytes, maxPixels));
    PdqHasher hasher = new PdqHasher();
    boolean allHashed = true;
    for (Path file : files) {
      switch (decoder.decode(file)) {
        case DecodeResult.Decoded decoded -> {
          PdqResult result = hasher.hash(decoded.image());
          out.println(result.hash().toHex() + "," + result.quality() + "," + file);
        }
        case DecodeResult.Rejected rejected -> {
          err.println(file + ": " + rejected.reason());
          allHashed = false;
        }
      }
      out.flush();
    }
    err.flush();
    return allHashed ? 0 : 1;
  }
}
