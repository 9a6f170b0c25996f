package io.newskg.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newskg.model.Page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads one page file as strict UTF-8 and its optional metadata sidecar
 * {@code <page>.meta.json}: {"date": "2022-11-22", "newspaper": "内蒙古日报", "province": "150000"}.
 * Without a sidecar date, the date a web page prints in its metadata (发布时间：2011-04-15,
 * 《某某日报》（2020年08月25日 05 版）) is the page's date.
 */
public final class PageReader {
    /** A newspaper page is tens of kilobytes; far larger input is a concatenation or not a page. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    /** A sidecar is a hundred bytes; anything near this is not one. */
    public static final int MAX_SIDECAR_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxBytes;

    public PageReader() { this(MAX_BYTES); }

    /** A reader refusing pages over {@code maxBytes} (tests use a small limit). */
    public PageReader(long maxBytes) { this.maxBytes = maxBytes; }

    public Page read(Path path) throws InputException {
        String name = path.getFileName().toString();
        byte[] bytes = readBounded(path, maxBytes, "too large for one page (split it into pages)");
        if (bytes.length == 0) throw new InputException(path.toString(), "empty file");
        if (looksBinary(bytes)) throw new InputException(path.toString(), "binary content, not a text page");
        String text = decode(path.toString(), bytes);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) throw new InputException(path.toString(), "no text");
        // a web page prints its date (发布时间：…); a sidecar's date wins over it
        Page page = new Page(name, text, WebPage.pageDate(text), null, null);
        return readMetadata(path, page);
    }

    /**
     * At most {@code limit} bytes of a regular file. Files.size is not trusted (procfs says 0,
     * a file may grow), and a FIFO or device is refused before it is opened: opening a FIFO
     * blocks until a writer comes, and /dev/zero never ends.
     */
    static byte[] readBounded(Path path, long limit, String tooLarge) throws InputException {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                throw new InputException(path.toString(), a.isDirectory() ? "a directory, not a page" : "not a regular file");
            }
            if (a.size() > limit) throw new InputException(path.toString(), "larger than " + size(limit) + ", " + tooLarge);
            try (InputStream in = Files.newInputStream(path)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (bytes.length > limit) throw new InputException(path.toString(), "larger than " + size(limit) + ", " + tooLarge);
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new InputException(path.toString(), Files.isSymbolicLink(path) ? "cannot be read (broken link)" : "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(path.toString(), "cannot be read (no permission)");
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : bytes >= 1 << 10 ? (bytes >> 10) + " KB" : bytes + " bytes";
    }

    /** Strict UTF-8; the error names the byte offset of the first bad sequence. */
    private static String decode(String file, byte[] bytes) throws InputException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) r = d.flush(out);
        if (r.isError()) {
            throw new InputException(file, "not valid UTF-8 at byte " + in.position() + " of " + bytes.length
                    + "; convert it, e.g. iconv -f GB18030 -t UTF-8");
        }
        return out.flip().toString();
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192), control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) return true;
            if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
        }
        return control > n / 20;
    }

    private static Page readMetadata(Path path, Page page) throws InputException {
        Path meta = path.resolveSibling(path.getFileName() + ".meta.json");
        if (!Files.exists(meta, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return page;
        byte[] bytes = readBounded(meta, MAX_SIDECAR_BYTES, "not a metadata sidecar");
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !n.isObject()) throw new InputException(meta.toString(), "metadata is not a JSON object");
            LocalDate date = page.date();
            if (n.hasNonNull("date")) {
                JsonNode d = n.get("date");
                if (!d.isTextual()) {
                    throw new InputException(meta.toString(), "date must be a string \"YYYY-MM-DD\", got " + d.getNodeType().name().toLowerCase() + " " + d);
                }
                date = LocalDate.parse(d.asText());
            }
            String paper = text(meta, n, "newspaper");
            String province = text(meta, n, "province");
            if (province != null && (!province.matches("\\d{2}0000")
                    || io.newskg.gazetteer.Gazetteer.get().byCode(province) == null)) {
                throw new InputException(meta.toString(), "province must be the 6-digit code of a province such as 150000, got " + province);
            }
            return page.withMetadata(date, paper, province);
        } catch (IOException e) {
            throw new InputException(meta.toString(), "malformed metadata JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        } catch (DateTimeParseException e) {
            throw new InputException(meta.toString(), "date must be YYYY-MM-DD, got " + e.getParsedString());
        }
    }

    /** A string field, or null; a number or object where a name belongs is named, not stringified. */
    private static String text(Path meta, JsonNode n, String field) throws InputException {
        if (!n.hasNonNull(field)) return null;
        JsonNode v = n.get(field);
        if (!v.isTextual()) {
            throw new InputException(meta.toString(), field + " must be a string, got " + v.getNodeType().name().toLowerCase() + " " + v);
        }
        return v.asText();
    }
}
