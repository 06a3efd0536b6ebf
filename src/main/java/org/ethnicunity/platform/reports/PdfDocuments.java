package org.ethnicunity.platform.reports;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Printable PDFs from Thymeleaf templates under {@code templates/reports/} (well-formed XHTML: the
 * renderer parses XML), with the shipped CJK font embedded as a subset of the glyphs used. The
 * templates name the font family {@link ReportFont#FAMILY}; no other font is registered, so a missing
 * glyph shows as such instead of silently depending on a system font.
 */
@Component
public class PdfDocuments {

    static {
        // The renderer logs every document at INFO on a console handler of its own: warnings only,
        // passed on to the parent loggers, i.e. the application's logging (java.util.logging is bridged).
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new com.openhtmltopdf.util.JDKXRLogger(true,
                java.util.logging.Level.WARNING, new Silent(), new java.util.logging.SimpleFormatter()));
    }

    /** The renderer's own handler, muted: its records reach the parent loggers instead. */
    private static final class Silent extends java.util.logging.Handler {
        @Override
        public void publish(java.util.logging.LogRecord record) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private final TemplateEngine templates;
    private final ReportFont font;

    PdfDocuments(TemplateEngine templates, ReportFont font) {
        this.templates = templates;
        this.font = font;
    }

    /** Renders {@code templates/reports/NAME.html} with the model into a PDF. */
    public byte[] render(String template, Map<String, Object> model) {
        String html = templates.process("reports/" + template, new Context(Locale.SIMPLIFIED_CHINESE, model));
        return fromXhtml(html);
    }

    /** Renders well-formed XHTML (a template of another module, already processed) into a PDF with the shipped font. */
    public byte[] fromXhtml(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(font::open, ReportFont.FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        // The same face for bold text: the shipped subset has one weight (headings use size and colour).
        builder.useFont(font::open, ReportFont.FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF 生成失败 / PDF rendering failed", e);
        }
        return out.toByteArray();
    }
}
