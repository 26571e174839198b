import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes the folder the many-small-files benchmark imports: N files of 1-16 KiB of seeded random
 * bytes (about 8.5 KiB each on average, so 100,000 files are about 830 MiB) in 100 folders of 10
 * sub-folders, like a phone's file-system extraction. The same N always gives the same bytes.
 * Usage: java src/test/bench/MakeSmallFiles.java DIR N
 */
public class MakeSmallFiles {
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Random sizes = new Random(15);
        Random bytes = new Random(1500);
        byte[] buf = new byte[16384];
        for (int i = 0; i < n; i++) {
            Path d = root.resolve(String.format("d%03d/s%d", i / 1000, (i / 100) % 10));
            if (i % 100 == 0) {
                Files.createDirectories(d);
            }
            int size = 1024 + sizes.nextInt(16384 - 1024 + 1);
            bytes.nextBytes(buf);
            Files.write(d.resolve(String.format("f%06d.bin", i)), java.util.Arrays.copyOf(buf, size));
        }
    }
}
