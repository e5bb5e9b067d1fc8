package dev.dbx.runs;

import dev.dbx.core.DbxException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.HdrHistogram.Histogram;

/**
 * HdrHistogram's own compressed encoding in base64: what the run store keeps and the JSON export gives, so any
 * HdrHistogram library (Java, Python's hdrh, Go, JavaScript) can decode a run's latencies exactly, at any percentile.
 */
public final class Histograms {
    private Histograms() {}

    public static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_COMPRESSION);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /** The histogram {@link #encode} was given, equal to it count for count. */
    public static Histogram decode(String base64, String what) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new DbxException(
                    "the run store holds a damaged histogram (" + what + "): " + e.getMessage(),
                    "the run cannot be read back whole; other runs are not affected");
        }
    }
}
