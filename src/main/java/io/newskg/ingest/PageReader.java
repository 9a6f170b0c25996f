package io.newskg.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newskg.model.Page;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    public Page read(Path path) throws InputException {
        String name = path.getFileName().toString();
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new InputException(path.toString(), "larger than " + (MAX_BYTES >> 20)
                        + " MB, too large for one page (split it into pages)");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot be read (" + e.getMessage() + ")");
        }
        if (bytes.length == 0) throw new InputException(path.toString(), "empty file");
        if (looksBinary(bytes)) throw new InputException(path.toString(), "binary content, not a text page");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(path.toString(), "not valid UTF-8 (" + e.getMessage() + "); convert it, e.g. iconv -f GB18030 -t UTF-8");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) throw new InputException(path.toString(), "no text");
        // a web page prints its date (发布时间：…); a sidecar's date wins over it
        Page page = new Page(name, text, WebPage.pageDate(text), null, null);
        return readMetadata(path, page);
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
        if (!Files.exists(meta)) return page;
        try {
            JsonNode n = JSON.readTree(meta.toFile());
            if (n == null || !n.isObject()) throw new InputException(meta.toString(), "metadata is not a JSON object");
            LocalDate date = n.hasNonNull("date") ? LocalDate.parse(n.get("date").asText()) : page.date();
            String paper = n.hasNonNull("newspaper") ? n.get("newspaper").asText() : null;
            String province = n.hasNonNull("province") ? n.get("province").asText() : null;
            if (province != null && !province.matches("\\d{2}0000")) {
                throw new InputException(meta.toString(), "province must be a 6-digit province code such as 150000");
            }
            return page.withMetadata(date, paper, province);
        } catch (IOException e) {
            throw new InputException(meta.toString(), "malformed metadata JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        } catch (DateTimeParseException e) {
            throw new InputException(meta.toString(), "date must be YYYY-MM-DD, got " + e.getParsedString());
        }
    }
}
