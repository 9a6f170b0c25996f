package io.newskg.model;

import java.time.LocalDate;

/**
 * One newspaper page as read from disk.
 *
 * @param file      file name, used as the page's identity in outputs
 * @param text      decoded text, BOM removed; all offsets refer to it
 * @param date      publication date if known from metadata, else null
 * @param newspaper newspaper name if known, else null
 * @param province  division code of the paper's province if known (e.g. 150000), else null
 */
public record Page(String file, String text, LocalDate date, String newspaper, String province) {
    public Page withMetadata(LocalDate date, String newspaper, String province) {
        return new Page(file, text, date, newspaper, province);
    }
}
