package org.ethnicunity.platform.reports;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The CJK font shipped in the application (Noto Sans SC, SIL Open Font License, subset to the CJK
 * Unified Ideographs, Latin and punctuation: see docs/reports.md). PDFs embed it and server-drawn
 * charts use it, so nothing depends on the fonts of the machine the application runs on.
 */
@Component
public class ReportFont {

    public static final String FAMILY = "Noto Sans SC";
    static final String RESOURCE = "fonts/NotoSansSC-Regular.subset.ttf";

    private final byte[] bytes;
    private final Font awt;

    ReportFont() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            bytes = in.readAllBytes();
            awt = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("报表字体缺失 / report font missing: " + RESOURCE, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("报表字体无法读取 / report font unreadable: " + RESOURCE, e);
        }
    }

    /** A fresh stream of the TrueType file: PDFBox reads (and subsets) it once per document. */
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    /** The font for Java2D drawing at this size. */
    public Font awt(float size) {
        return awt.deriveFont(size);
    }
}
