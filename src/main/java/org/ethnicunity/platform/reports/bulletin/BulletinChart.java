package org.ethnicunity.platform.reports.bulletin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;
import org.ethnicunity.platform.reports.ReportFont;
import org.springframework.stereotype.Component;

/**
 * The bulletin's chart, drawn on the server (ECharts runs in browsers; mail clients and PDFs need an
 * image): grouped bars per region code of overdue tasks, missing reports and annual reviews not
 * submitted, as a PNG with the shipped font, so it draws the same on a server without CJK fonts.
 */
@Component
class BulletinChart {

    static final int MAX_REGIONS = 15;
    private static final String[] SERIES = {"逾期任务", "逾期未报送", "年度评估未提交"};
    private static final Color[] COLORS = {new Color(0x9b1c1c), new Color(0xd97706), new Color(0x2563eb)};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 340;

    private final ReportFont font;

    BulletinChart(ReportFont font) {
        this.font = font;
    }

    byte[] png(Bulletin bulletin) {
        List<Bulletin.RegionLag> regions = bulletin.regions().stream()
                .sorted(Comparator.comparingInt((Bulletin.RegionLag r) -> -(r.overdueTasks() + r.missingReports()
                        + r.reviewsNotSubmitted())).thenComparing(Bulletin.RegionLag::regionCode))
                .limit(MAX_REGIONS).sorted(Comparator.comparing(Bulletin.RegionLag::regionCode)).toList();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Font title = font.awt(16f);
        Font small = font.awt(11f);
        g.setColor(new Color(0x222222));
        g.setFont(title);
        String heading = "各地区逾期事项（" + bulletin.regionCode() + " 及下辖地区，" + bulletin.periodLabel() + "）";
        g.drawString(heading, (WIDTH - g.getFontMetrics().stringWidth(heading)) / 2, 26);
        int left = 56;
        int right = WIDTH - 20;
        int top = 64;
        int bottom = HEIGHT - 56;
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        // Legend under the title.
        int lx = left;
        for (int s = 0; s < SERIES.length; s++) {
            g.setColor(COLORS[s]);
            g.fillRect(lx, 38, 12, 12);
            g.setColor(new Color(0x333333));
            g.drawString(SERIES[s], lx + 16, 49);
            lx += 16 + fm.stringWidth(SERIES[s]) + 24;
        }
        int max = regions.stream().mapToInt(r -> Math.max(r.overdueTasks(), Math.max(r.missingReports(), r.reviewsNotSubmitted())))
                .max().orElse(0);
        int scale = niceMax(max);
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i <= 4; i++) {
            int y = bottom - (bottom - top) * i / 4;
            g.setColor(new Color(0xe5e7eb));
            g.drawLine(left, y, right, y);
            g.setColor(new Color(0x555555));
            String label = String.valueOf(scale * i / 4);
            g.drawString(label, left - 8 - fm.stringWidth(label), y + 4);
        }
        g.setColor(new Color(0x555555));
        g.drawLine(left, bottom, right, bottom);
        if (regions.isEmpty()) {
            String none = "本期无逾期事项";
            g.setFont(title);
            g.drawString(none, (WIDTH - g.getFontMetrics().stringWidth(none)) / 2, (top + bottom) / 2);
        }
        int slot = regions.isEmpty() ? 0 : (right - left) / regions.size();
        int bar = Math.max(4, Math.min(22, (slot - 12) / 3));
        for (int i = 0; i < regions.size(); i++) {
            Bulletin.RegionLag r = regions.get(i);
            int[] values = {r.overdueTasks(), r.missingReports(), r.reviewsNotSubmitted()};
            int x0 = left + slot * i + (slot - bar * 3) / 2;
            for (int s = 0; s < 3; s++) {
                int h = scale == 0 ? 0 : (bottom - top) * values[s] / scale;
                g.setColor(COLORS[s]);
                g.fillRect(x0 + s * bar, bottom - h, bar - 1, h);
                if (values[s] > 0) {
                    g.setColor(new Color(0x333333));
                    String v = String.valueOf(values[s]);
                    g.drawString(v, x0 + s * bar + (bar - fm.stringWidth(v)) / 2, bottom - h - 3);
                }
            }
            g.setColor(new Color(0x333333));
            g.drawString(r.regionCode(), left + slot * i + (slot - fm.stringWidth(r.regionCode())) / 2, bottom + 16);
        }
        if (bulletin.regions().size() > regions.size()) {
            g.setColor(new Color(0x777777));
            g.drawString("（列出逾期事项最多的 " + MAX_REGIONS + " 个地区，共 " + bulletin.regions().size() + " 个）", left, HEIGHT - 12);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A round axis maximum at or above the largest bar: four grid steps of 1, 2 or 5 times a power of ten. */
    static int niceMax(int max) {
        for (int magnitude = 1; ; magnitude *= 10) {
            for (int factor : new int[] {1, 2, 5}) {
                if (factor * magnitude * 4 >= max) {
                    return factor * magnitude * 4;
                }
            }
        }
    }
}
