package org.ethnicunity.platform.attachments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * The kinds of file an attachment may be, told by their content (magic bytes), never by the name or
 * the browser's word: PDF, PNG, JPEG, Word and Excel (zip packages with the right parts, or the old
 * OLE compound files). The name's extension must agree with the content.
 */
enum FileType {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    DOC("application/msword", "doc"),
    XLS("application/vnd.ms-excel", "xls");

    static final String ACCEPTED = "PDF、PNG、JPEG 图片、Word（.docx/.doc）、Excel（.xlsx/.xls）";

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 0x03, 0x04};
    private static final byte[] OLE_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    final String contentType;
    private final List<String> extensions;

    FileType(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = List.of(extensions);
    }

    /** The type of the content, if it is one of ours and the file name's extension says the same. */
    static Optional<FileType> of(String fileName, byte[] content) {
        String extension = extension(fileName);
        Optional<FileType> detected = detect(content);
        if (detected.filter(type -> type == DOC).isPresent()) {
            return ofOle(fileName);
        }
        return detected.filter(type -> type.extensions.contains(extension));
    }

    static Optional<FileType> detect(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, OLE_MAGIC)) {
            // An OLE compound file: Word or Excel (or another Office kind); of() lets the name tell which.
            return Optional.of(DOC);
        }
        if (startsWith(content, ZIP_MAGIC)) {
            return officePackage(content);
        }
        return Optional.empty();
    }

    /** A zip is an Office package only with its content types and main part; read from the directory, nothing unpacked. */
    private static Optional<FileType> officePackage(byte[] content) {
        Path temporary = null;
        try {
            temporary = Files.createTempFile("attachment", ".zip");
            Files.write(temporary, content);
            try (ZipFile zip = new ZipFile(temporary.toFile())) {
                if (zip.getEntry("[Content_Types].xml") == null) {
                    return Optional.empty();
                }
                if (zip.getEntry("word/document.xml") != null) {
                    return Optional.of(DOCX);
                }
                if (zip.getEntry("xl/workbook.xml") != null) {
                    return Optional.of(XLSX);
                }
                return Optional.empty();
            }
        } catch (IOException notAZip) {
            return Optional.empty();
        } finally {
            if (temporary != null) {
                temporary.toFile().delete();
            }
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** DOC and XLS share their magic bytes: an OLE file named .xls is an Excel file. */
    private static Optional<FileType> ofOle(String fileName) {
        return switch (extension(fileName)) {
            case "doc" -> Optional.of(DOC);
            case "xls" -> Optional.of(XLS);
            default -> Optional.empty();
        };
    }
}
