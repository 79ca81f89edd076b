package org.openler.platform.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A link as a QR code (ZXing) — a share link, a credential offer — drawn as an SVG data URL: one path of dark modules, no script, no external
 * reference, so the page's Content-Security-Policy ({@code img-src 'self' data:}) lets it show.
 */
public final class QrCodes {

    private QrCodes() {}

    public static String svgDataUrl(String link) {
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg(link).getBytes(StandardCharsets.UTF_8));
    }

    /** The link's QR code (error correction M) with a quiet zone of {@code margin} modules, for any medium. */
    public static BitMatrix matrix(String link, int margin) {
        try {
            return new QRCodeWriter()
                    .encode(
                            link,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    margin));
        } catch (WriterException e) {
            throw new IllegalStateException("A platform link always fits in a QR code", e);
        }
    }

    static String svg(String link) {
        BitMatrix matrix = matrix(link, 4);
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
                + "\" width=\"" + width * 6 + "\" height=\"" + height * 6 + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
