package org.ethnicunity.platform.registry.excel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the imports from .xlsx (docs/registry.md): a larger file, a workbook that unpacks to more,
 * or more rows or cells is refused whole, before any row is checked.
 *
 * @param maxSize         the largest file accepted (the page's upload is also capped by
 *                        spring.servlet.multipart.max-file-size, set above this)
 * @param maxRows         the most unit rows one file may carry
 * @param maxUnpackedSize what all parts of the workbook (an .xlsx is a zip of XML files) may unpack to
 *                        together; checked on the packed file before the workbook is read
 * @param maxInflateRatio how many times its packed size one part may unpack to (once it unpacks to more
 *                        than 100 KB): Excel's XML packs about 5-20 times; a zip bomb, 1,000 times
 * @param maxCells        the most cells the sheet may hold, counted as it is read, empty rows' cells too
 */
@ConfigurationProperties("app.registry.import")
public record ImportSettings(@DefaultValue("5MB") DataSize maxSize, @DefaultValue("5000") int maxRows,
                             @DefaultValue("20MB") DataSize maxUnpackedSize, @DefaultValue("100") int maxInflateRatio,
                             @DefaultValue("100000") int maxCells) {

    public ImportSettings {
        if (maxSize.toBytes() < 1024) {
            throw new IllegalArgumentException("app.registry.import.max-size 至少为 1KB / must be at least 1KB: " + maxSize);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("app.registry.import.max-rows 至少为 1 / must be at least 1: " + maxRows);
        }
        if (maxUnpackedSize.toBytes() < 1024) {
            throw new IllegalArgumentException("app.registry.import.max-unpacked-size 至少为 1KB / must be at least 1KB: "
                    + maxUnpackedSize);
        }
        if (maxInflateRatio < 10) {
            throw new IllegalArgumentException("app.registry.import.max-inflate-ratio 至少为 10 / must be at least 10: "
                    + maxInflateRatio);
        }
        if (maxCells < 1) {
            throw new IllegalArgumentException("app.registry.import.max-cells 至少为 1 / must be at least 1: " + maxCells);
        }
    }

    /** These size and row limits, the others at their defaults. */
    public static ImportSettings of(DataSize maxSize, int maxRows) {
        return new ImportSettings(maxSize, maxRows, DataSize.ofMegabytes(20), 100, 100_000);
    }
}
