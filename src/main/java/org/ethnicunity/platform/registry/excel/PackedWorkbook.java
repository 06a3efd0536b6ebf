package org.ethnicunity.platform.registry.excel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.ethnicunity.platform.engine.RuleViolation;

/**
 * What an .xlsx unpacks to, measured before it is read. A workbook is a zip of XML parts; a 62 KB
 * file holding 60 MB of XML was parsed whole (4.6-11.1 s of a core) although the upload limit let
 * only 5 MB in. Each part is inflated through a counting stream that stops at the limit, so neither a
 * part's declared size nor its real one can make the check itself read more: the same bounds as
 * Apache POI's {@code ZipSecureFile} (largest part, least inflate ratio), which this reader
 * (fastexcel, no POI) does not have. The parts are taken from the central directory, as the reader
 * takes them (commons-compress {@code ZipFile}), so no part escapes the check by being listed only
 * there.
 */
final class PackedWorkbook {

    /** Parts smaller than this are not judged by their ratio: tiny XML files pack very well. */
    static final long RATIO_GRACE = 100 * 1024;
    /** An .xlsx has a dozen or two parts; thousands would be a way around the per-part ratio. */
    static final int MAX_PARTS = 1000;

    private PackedWorkbook() {
    }

    /** Refuses, in Chinese, a workbook that unpacks to more than the settings allow; a broken zip is left to the reader. */
    static void requireBounded(byte[] content, ImportSettings settings) {
        long limit = settings.maxUnpackedSize().toBytes();
        long total = 0;
        int parts = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (++parts > MAX_PARTS) {
                    throw tooLarge(settings);
                }
                if (entry.getSize() > limit - total) {
                    throw tooLarge(settings); // declared larger than what is left: refused without inflating it
                }
                long packed = Math.max(1, entry.getCompressedSize());
                long unpacked = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; in != null && (n = in.read(buffer)) != -1; ) {
                        unpacked += n;
                        if (total + unpacked > limit
                                || unpacked > RATIO_GRACE && unpacked / packed > settings.maxInflateRatio()) {
                            throw tooLarge(settings);
                        }
                    }
                } catch (IOException unreadablePart) {
                    // A part this library cannot inflate (broken, unknown method) the reader cannot read either.
                }
                total += unpacked;
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            // Not a zip the check can open: the reader fails on it too and says 文件不是 Excel 工作簿.
        }
    }

    private static RuleViolation tooLarge(ImportSettings settings) {
        long mb = settings.maxUnpackedSize().toMegabytes();
        return new RuleViolation("file.unpackedTooLarge", "文件解压后的内容超过导入上限（" + (mb > 0 ? mb + " MB" :
                settings.maxUnpackedSize().toKilobytes() + " KB") + "，或压缩比异常），可能不是正常的 Excel 工作簿。"
                + "请使用导入模板，只保留需要导入的数据后重新保存为 .xlsx，或分成几个文件导入");
    }
}
